package org.switchboard.res.pgsql;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One record as an INSERT: the columns it fills and their values, bound as parameters, never
 * spliced into the SQL: a Long, a Double, or text the server converts to the column's type.
 */
public record PgsqlRow(List<String> columns, List<Object> values) {
    private static final Pattern LEADING_LONG = Pattern.compile("^\\s*([+-]?\\d{1,18})");
    private static final Pattern LEADING_DOUBLE = Pattern.compile("^\\s*([+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");

    public PgsqlRow {
        columns = List.copyOf(columns);
        values = List.copyOf(values);
    }

    /** {@code INSERT INTO table ("a", "b") VALUES (?, ?)}. */
    public String sql(String table) {
        StringBuilder cols = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (String c : columns) {
            if (!cols.isEmpty()) {
                cols.append(", ");
                marks.append(", ");
            }
            cols.append('"').append(c.replace("\"", "\"\"")).append('"');
            marks.append('?');
        }
        return "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ")";
    }

    /** Text for a column of this type, as the Asterisk backends' sscanf reads it into numeric columns. */
    public static Object typed(PgsqlColumn c, String value) {
        if (c.isInt()) return leadingLong(value);
        if (c.isFloat()) return leadingDouble(value);
        return value;
    }

    /** sscanf %lld: the leading integer, 0 when there is none. */
    public static long leadingLong(String s) {
        Matcher m = LEADING_LONG.matcher(s);
        return m.find() ? Long.parseLong(m.group(1).replace("+", "")) : 0;
    }

    /** sscanf %Lf: the leading number, 0 when there is none. */
    public static double leadingDouble(String s) {
        Matcher m = LEADING_DOUBLE.matcher(s);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
