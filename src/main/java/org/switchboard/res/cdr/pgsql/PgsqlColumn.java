package org.switchboard.res.cdr.pgsql;

/**
 * A column of the CDR table as cdr_pgsql reads it from the catalog when it connects: its name
 * says which record field goes in (a field name, {@code calldate} for the start, or a CDR
 * variable), its type how ({@code int*} as a number, {@code float*} with fractions, anything else
 * as text the server converts).
 */
record PgsqlColumn(String name, String type, boolean notNull, boolean hasDefault) {
    boolean isInt() { return type.startsWith("int"); }

    boolean isFloat() { return type.startsWith("float"); }
}
