package org.switchboard.res.pgsql;

import java.time.ZoneId;
import java.util.List;

/**
 * What {@link PgsqlWriter} needs to know about the records it writes — call detail records for
 * cdr_pgsql, channel events for cel_pgsql: how a record fills the table's columns, how it is
 * kept on disk while the database is away, and which columns tell one row from another.
 */
public interface PgsqlRecords<R> {
    /** {@code cdr_pgsql} or {@code cel_pgsql}: the writer thread's name and the source of its log lines. */
    String module();

    /** What one record is called in log lines ("call detail record"). */
    String noun();

    /** The first field of a spooled line; a new one whenever {@link #fields} changes. */
    String spoolTag();

    /** The INSERT for a record into a table with these columns. */
    PgsqlRow row(R record, List<PgsqlColumn> columns, ZoneId zone);

    /** The record as spool fields, each already escaped with {@link PgsqlSpool#escape}. */
    List<String> fields(R record);

    /** A record back from its spooled fields (still escaped); IllegalArgumentException when they are not one. */
    R parse(List<String> fields);

    /** The record in an error line ("1700000000.12/0"). */
    String id(R record);

    /**
     * Columns that tell rows apart, looked up before a record whose insert may have gone in is
     * inserted again; empty when the table has nothing that does (the record is inserted).
     */
    List<String> identity();
}
