package org.switchboard.res.cdr.pgsql;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.switchboard.res.cdr.CdrRecord;
import org.switchboard.res.cdr.CdrTimes;

/**
 * One record as an INSERT into the CDR table, with the values cdr_pgsql puts in each column
 * (see {@link PgsqlColumn}): an empty field leaves its column out (NULL or its default), except a
 * NOT NULL column without a default, which gets ''. Values are bound as parameters, never spliced
 * into the SQL: a Long, a Double, or text the server converts to the column's type.
 */
record PgsqlRow(List<String> columns, List<Object> values) {

    static PgsqlRow of(CdrRecord r, List<PgsqlColumn> table, ZoneId zone) {
        List<String> cols = new ArrayList<>();
        List<Object> vals = new ArrayList<>();
        for (PgsqlColumn c : table) {
            String name = c.name();
            String value = r.format(name, false);
            if (name.equals("calldate") && value == null) value = r.format("start", false);
            if (value == null) {
                if (c.notNull() && !c.hasDefault()) {
                    cols.add(name);
                    vals.add("");
                }
                continue;
            }
            cols.add(name);
            vals.add(value(r, c, value, zone));
        }
        return new PgsqlRow(List.copyOf(cols), List.copyOf(vals));
    }

    private static Object value(CdrRecord r, PgsqlColumn c, String value, ZoneId zone) {
        switch (c.name()) {
            case "start", "calldate", "answer", "end" -> {
                long micros = c.name().equals("answer") ? r.answerMicros() : c.name().equals("end") ? r.endMicros() : r.startMicros();
                if (c.isInt()) return Math.floorDiv(micros, 1_000_000L);
                if (c.isFloat()) return micros / 1_000_000.0;
                return CdrTimes.date(micros, zone);
            }
            case "duration", "billsec" -> {
                if (c.type().startsWith("i")) return Long.parseLong(value);
                long from = c.name().equals("duration") ? r.startMicros() : r.answerMicros() == 0 ? r.endMicros() : r.answerMicros();
                double seconds = (r.endMicros() - from) / 1_000_000.0;
                return c.isFloat() ? (Object) seconds : String.format(Locale.ROOT, "%f", seconds);
            }
            case "disposition", "amaflags" -> {
                return c.isInt() ? Long.parseLong(r.format(c.name(), true)) : value;
            }
            default -> {
                if (c.isInt()) return leadingLong(value);
                if (c.isFloat()) return leadingDouble(value);
                return value;
            }
        }
    }

    /** {@code INSERT INTO table ("a", "b") VALUES (?, ?)}. */
    String sql(String table) {
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

    /** sscanf %lld: the leading integer, 0 when there is none. */
    private static long leadingLong(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*([+-]?\\d{1,18})").matcher(s);
        return m.find() ? Long.parseLong(m.group(1).replace("+", "")) : 0;
    }

    /** sscanf %Lf: the leading number, 0 when there is none. */
    private static double leadingDouble(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*([+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)").matcher(s);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
