package org.switchboard.res.cdr.pgsql;

import static org.switchboard.res.pgsql.PgsqlSpool.escape;
import static org.switchboard.res.pgsql.PgsqlSpool.unescape;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.res.cdr.CdrDisposition;
import org.switchboard.res.cdr.CdrRecord;
import org.switchboard.res.cdr.CdrTimes;
import org.switchboard.res.pgsql.PgsqlColumn;
import org.switchboard.res.pgsql.PgsqlRecords;
import org.switchboard.res.pgsql.PgsqlRow;

/**
 * Call detail records for the PostgreSQL writer, filled as Asterisk's cdr_pgsql fills each
 * column: an empty field leaves its column out (NULL or its default), except a NOT NULL column
 * without a default, which gets ''; times as timestamps (or epoch seconds in a numeric column);
 * duration and billsec with fractions in a float column; a column named after a CDR variable
 * gets the variable. Rows are told apart by uniqueid and sequence.
 */
final class CdrPgsqlRecords implements PgsqlRecords<CdrRecord> {
    static final CdrPgsqlRecords INSTANCE = new CdrPgsqlRecords();
    /** The fixed fields before the variables in a spooled line. */
    private static final int FIXED = 22;

    @Override public String module() { return "cdr_pgsql"; }
    @Override public String noun() { return "call record"; }
    @Override public String spoolTag() { return "cdr1"; }
    @Override public String id(CdrRecord r) { return r.uniqueId() + "/" + r.sequence(); }
    @Override public List<String> identity() { return List.of("uniqueid", "sequence"); }

    @Override
    public PgsqlRow row(CdrRecord r, List<PgsqlColumn> table, ZoneId zone) {
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
        return new PgsqlRow(cols, vals);
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
                return PgsqlRow.typed(c, value);
            }
        }
    }

    @Override
    public List<String> fields(CdrRecord r) {
        List<String> f = new ArrayList<>(FIXED + r.variables().size());
        for (String v : List.of(r.accountCode(), r.src(), r.dst(), r.dcontext(), r.clid(), r.channel(), r.dstChannel(),
                r.lastApp(), r.lastData(), Long.toString(r.startMicros()), Long.toString(r.answerMicros()),
                Long.toString(r.endMicros()), Long.toString(r.duration()), Long.toString(r.billsec()), r.disposition().name(),
                Integer.toString(r.amaFlags()), r.userfield(), r.uniqueId(), r.linkedId(), r.peerAccount(),
                Integer.toString(r.sequence()), r.disabled() ? "1" : "0")) {
            f.add(escape(v));
        }
        for (Map.Entry<String, String> v : r.variables().entrySet()) f.add(escape(v.getKey()) + "=" + escape(v.getValue()));
        return f;
    }

    @Override
    public CdrRecord parse(List<String> fields) {
        if (fields.size() < FIXED) throw new IllegalArgumentException("a CDR has " + FIXED + " fields");
        String[] f = new String[FIXED];
        for (int i = 0; i < FIXED; i++) f[i] = unescape(fields.get(i));
        Map<String, String> vars = new LinkedHashMap<>();
        for (String kv : fields.subList(FIXED, fields.size())) {
            int eq = kv.indexOf('=');
            if (eq > 0) vars.put(unescape(kv.substring(0, eq)), unescape(kv.substring(eq + 1)));
        }
        return new CdrRecord(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], Long.parseLong(f[9]),
                Long.parseLong(f[10]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                CdrDisposition.valueOf(f[14]), Integer.parseInt(f[15]), f[16], f[17], f[18], f[19],
                Integer.parseInt(f[20]), Collections.unmodifiableMap(vars), f[21].equals("1"));
    }
}
