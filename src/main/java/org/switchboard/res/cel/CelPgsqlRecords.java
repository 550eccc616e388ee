package org.switchboard.res.cel;

import static org.switchboard.res.pgsql.PgsqlSpool.escape;
import static org.switchboard.res.pgsql.PgsqlSpool.unescape;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.switchboard.res.pgsql.PgsqlColumn;
import org.switchboard.res.pgsql.PgsqlRecords;
import org.switchboard.res.pgsql.PgsqlRow;

/**
 * Channel events for the PostgreSQL writer, each column filled as Asterisk's cel_pgsql fills the
 * table of its documentation: {@code eventtime} as {@code 2024-03-04 13:11:18.250000} (local time,
 * or UTC with {@code usegmtime}; epoch seconds in a numeric column), {@code eventtype} as the
 * event's name (its number, Asterisk's, in a numeric column; a user-defined event under its own
 * name unless {@code show_user_defined}), the channel's fields as text ('' when empty),
 * {@code amaflags} as a number. A column it does not know is left to its default. Rows are told
 * apart by time, type, unique id and application, the closest a CEL row has to a key.
 */
final class CelPgsqlRecords implements PgsqlRecords<CelRecord> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);
    private static final int FIELDS = 21;

    private final boolean useGmTime;
    private final boolean showUserDefined;

    CelPgsqlRecords(boolean useGmTime, boolean showUserDefined) {
        this.useGmTime = useGmTime;
        this.showUserDefined = showUserDefined;
    }

    @Override public String module() { return "cel_pgsql"; }
    @Override public String noun() { return "CEL event"; }
    @Override public String spoolTag() { return "cel1"; }
    @Override public String id(CelRecord r) { return r.type().name() + " of " + r.uniqueId(); }
    @Override public List<String> identity() { return List.of("eventtime", "eventtype", "uniqueid", "appname"); }

    /** Asterisk 12+'s enum ast_cel_event_type numbers, for an integer eventtype column. */
    static int code(CelEventType t) {
        return switch (t) {
            case CHAN_START -> 1;
            case CHAN_END -> 2;
            case HANGUP -> 3;
            case ANSWER -> 4;
            case APP_START -> 5;
            case APP_END -> 6;
            case BRIDGE_ENTER -> 7;
            case BRIDGE_EXIT -> 8;
            case PARK_START -> 9;
            case PARK_END -> 10;
            case BLINDTRANSFER -> 11;
            case ATTENDEDTRANSFER -> 12;
            case USER_DEFINED -> 13;
            case LINKEDID_END -> 14;
            case PICKUP -> 15;
            case FORWARD -> 16;
            case LOCAL_OPTIMIZE -> 17;
            case LOCAL_OPTIMIZE_BEGIN -> 18;
        };
    }

    @Override
    public PgsqlRow row(CelRecord r, List<PgsqlColumn> table, ZoneId zone) {
        List<String> cols = new ArrayList<>();
        List<Object> vals = new ArrayList<>();
        for (PgsqlColumn c : table) {
            Object v = value(r, c, zone);
            if (v == null) continue;
            cols.add(c.name());
            vals.add(v);
        }
        return new PgsqlRow(cols, vals);
    }

    private Object value(CelRecord r, PgsqlColumn c, ZoneId zone) {
        return switch (c.name()) {
            case "eventtime" -> {
                long micros = r.timeMicros();
                if (c.isInt()) yield Math.floorDiv(micros, 1_000_000L);
                if (c.isFloat()) yield micros / 1_000_000.0;
                Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
                yield TIME.format(at.atZone(useGmTime ? ZoneOffset.UTC : zone));
            }
            case "eventtype" -> c.isInt() ? (Object) (long) code(r.type()) : r.eventName(showUserDefined);
            case "amaflags" -> c.isInt() ? (Object) (long) r.amaFlags() : Integer.toString(r.amaFlags());
            case "userdeftype" -> text(c, r.userDefinedName());
            case "cid_name" -> text(c, r.callerIdName());
            case "cid_num" -> text(c, r.callerIdNum());
            case "cid_ani" -> text(c, r.ani());
            case "cid_rdnis" -> text(c, r.rdnis());
            case "cid_dnid" -> text(c, r.dnid());
            case "exten" -> text(c, r.exten());
            case "context" -> text(c, r.context());
            case "channame" -> text(c, r.channelName());
            case "appname" -> text(c, r.application());
            case "appdata" -> text(c, r.appData());
            case "accountcode" -> text(c, r.accountCode());
            case "peeraccount" -> text(c, r.peerAccount());
            case "uniqueid" -> text(c, r.uniqueId());
            case "linkedid" -> text(c, r.linkedId());
            case "userfield" -> text(c, r.userField());
            case "peer" -> text(c, r.peer());
            case "extra" -> text(c, r.extra());
            default -> c.notNull() && !c.hasDefault() ? "" : null;   // not ours (id serial, ...): its default
        };
    }

    private static Object text(PgsqlColumn c, String value) { return PgsqlRow.typed(c, value == null ? "" : value); }

    @Override
    public List<String> fields(CelRecord r) {
        List<String> f = new ArrayList<>(FIELDS);
        for (String v : new String[] {r.type().name(), n(r.userDefinedName()), Long.toString(r.timeMicros()), n(r.callerIdName()),
                n(r.callerIdNum()), n(r.ani()), n(r.rdnis()), n(r.dnid()), n(r.exten()), n(r.context()), n(r.channelName()),
                n(r.application()), n(r.appData()), Integer.toString(r.amaFlags()), n(r.accountCode()), n(r.peerAccount()),
                n(r.uniqueId()), n(r.linkedId()), n(r.userField()), n(r.peer()), n(r.extra())}) {
            f.add(escape(v));
        }
        return f;
    }

    private static String n(String s) { return s == null ? "" : s; }

    @Override
    public CelRecord parse(List<String> fields) {
        if (fields.size() != FIELDS) throw new IllegalArgumentException("a CEL event has " + FIELDS + " fields");
        String[] f = fields.stream().map(s -> unescape(s)).toArray(String[]::new);
        return new CelRecord(CelEventType.valueOf(f[0]), f[1], Long.parseLong(f[2]), f[3], f[4], f[5], f[6], f[7], f[8], f[9],
                f[10], f[11], f[12], Integer.parseInt(f[13]), f[14], f[15], f[16], f[17], f[18], f[19], f[20]);
    }
}
