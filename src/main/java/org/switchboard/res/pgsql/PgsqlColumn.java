package org.switchboard.res.pgsql;

/**
 * A column of the table as cdr_pgsql and cel_pgsql read it from the catalog when they connect:
 * its name says which record field goes in (for a CDR, a field name, {@code calldate} for the
 * start, or a CDR variable), its type how ({@code int*} as a number, {@code float*} with fractions, anything else
 * as text the server converts).
 */
public record PgsqlColumn(String name, String type, boolean notNull, boolean hasDefault) {
    public boolean isInt() { return type.startsWith("int"); }

    public boolean isFloat() { return type.startsWith("float"); }
}
