package org.switchboard.dialplan;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * An Asterisk time condition, {@code times,weekdays,mdays,months[,timezone]} (or with |), as used
 * by {@code include =>}, GotoIfTime, ExecIfTime and IFTIME.
 *
 * <p>The rules follow Asterisk's main/pbx_timing.c:
 * <ul>
 *   <li>each field is {@code *} (or empty) for "any", or a list of items joined with {@code &};
 *       an item is one value or a range {@code a-b}; ranges wrap ({@code fri-mon},
 *       {@code 22:00-06:00}, {@code 25-5}, {@code nov-feb});</li>
 *   <li>times are {@code H:MM} or {@code HH:MM}, 0-23 and 0-59, with one-minute granularity; a
 *       range includes both ends, so {@code 09:00-17:00} still matches at 17:00 but not at 17:01,
 *       and a single time {@code 12:30} matches that one minute;</li>
 *   <li>weekdays are {@code sun mon tue wed thu fri sat}, months {@code jan}..{@code dec}, both
 *       case-insensitive; as in Asterisk they may also be numbers, months 1-12 and weekdays 1-7
 *       meaning Sunday to Saturday; days of the month are 1-31;</li>
 *   <li>missing trailing fields mean "any"; the optional fifth field is a time zone
 *       (an Olson name such as {@code Europe/Berlin}), the PBX's own zone otherwise.</li>
 * </ul>
 * Where Asterisk logs a warning and skips a bad item, this class refuses the whole spec, so a
 * typo is reported when the dialplan loads instead of silently widening or narrowing the hours.
 */
public final class TimeSpec {
    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final String[] WEEKDAYS = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private final String text;
    private final BitSet minutes;   // minute of the day, 0..1439
    private final int weekdays;     // bit 0 = Sunday
    private final int monthDays;    // bit 0 = the 1st
    private final int months;       // bit 0 = January
    private final ZoneId zone;      // null: the zone of the time being checked

    private TimeSpec(String text, BitSet minutes, int weekdays, int monthDays, int months, ZoneId zone) {
        this.text = text;
        this.minutes = minutes;
        this.weekdays = weekdays;
        this.monthDays = monthDays;
        this.months = months;
        this.zone = zone;
    }

    /** @throws IllegalArgumentException with a clear message when the spec is malformed */
    public static TimeSpec parse(String spec) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException("Empty time specification");
        List<String> fields = splitFields(spec);
        if (fields.size() > 5) {
            throw new IllegalArgumentException("Time specification '" + spec + "' has " + fields.size()
                    + " fields; expected times,weekdays,mdays,months[,timezone]");
        }
        BitSet minutes = parseTimes(field(fields, 0), spec);
        int weekdays = parseRange(field(fields, 1), 7, WEEKDAYS, "day of week", spec);
        int monthDays = parseRange(field(fields, 2), 31, null, "day of month", spec);
        int months = parseRange(field(fields, 3), 12, MONTHS, "month", spec);
        ZoneId zone = null;
        String tz = field(fields, 4);
        if (!tz.isEmpty()) {
            try {
                zone = ZoneId.of(tz);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("Unknown time zone '" + tz + "' in time specification '" + spec + "'");
            }
        }
        return new TimeSpec(spec, minutes, weekdays, monthDays, months, zone);
    }

    /** Whether the instant falls inside this spec, read in the spec's time zone when it names one. */
    public boolean matches(ZonedDateTime when) {
        ZonedDateTime t = zone == null ? when : when.withZoneSameInstant(zone);
        if ((months & (1 << (t.getMonthValue() - 1))) == 0) return false;
        if ((monthDays & (1 << (t.getDayOfMonth() - 1))) == 0) return false;
        int weekday = t.getDayOfWeek().getValue() % 7;   // ISO Monday=1..Sunday=7 -> Sunday=0
        if ((weekdays & (1 << weekday)) == 0) return false;
        return minutes.get(t.getHour() * 60 + t.getMinute());
    }

    public String text() { return text; }

    /** The time zone named by the spec, or null when it is checked in the PBX's own zone. */
    public ZoneId zone() { return zone; }

    @Override
    public String toString() { return text; }

    // ---- parsing ----

    private static List<String> splitFields(String spec) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= spec.length(); i++) {
            if (i == spec.length() || spec.charAt(i) == ',' || spec.charAt(i) == '|') {
                out.add(spec.substring(start, i).trim());
                start = i + 1;
            }
        }
        return out;
    }

    private static String field(List<String> fields, int i) { return i < fields.size() ? fields.get(i) : ""; }

    private static boolean isAny(String field) { return field.isEmpty() || field.equals("*"); }

    /** The minutes of the day that {@code HH:MM-HH:MM&...} covers, both ends included. */
    private static BitSet parseTimes(String field, String spec) {
        BitSet mask = new BitSet(MINUTES_PER_DAY);
        if (isAny(field)) {
            mask.set(0, MINUTES_PER_DAY);
            return mask;
        }
        for (String part : field.split("&", -1)) {
            String item = part.trim();
            int dash = item.indexOf('-');
            if (dash < 0) {
                mask.set(minuteOfDay(item, "time", spec));
                continue;
            }
            int start = minuteOfDay(item.substring(0, dash).trim(), "start time", spec);
            int end = minuteOfDay(item.substring(dash + 1).trim(), "end time", spec);
            // SPEC: pbx_timing.c get_timerange: walk from start to end, wrapping at midnight, and include the end
            for (int m = start; m != end; m = (m + 1) % MINUTES_PER_DAY) mask.set(m);
            mask.set(end);
        }
        return mask;
    }

    private static int minuteOfDay(String text, String what, String spec) {
        int colon = text.indexOf(':');
        if (colon < 1 || colon > 2 || text.length() - colon - 1 < 1 || text.length() - colon - 1 > 2
                || !allDigits(text, 0, colon) || !allDigits(text, colon + 1, text.length())) {
            throw new IllegalArgumentException("Invalid " + what + " '" + text + "' in time specification '" + spec
                    + "': expected HH:MM");
        }
        int h = Integer.parseInt(text.substring(0, colon));
        int m = Integer.parseInt(text.substring(colon + 1));
        if (h > 23 || m > 59) {
            throw new IllegalArgumentException("Invalid " + what + " '" + text + "' in time specification '" + spec
                    + "': hours are 0-23 and minutes 0-59");
        }
        return h * 60 + m;
    }

    /** A bit mask of {@code max} bits for {@code a-b&c&...}; ranges are cyclic as in pbx_timing.c get_range. */
    private static int parseRange(String field, int max, String[] names, String what, String spec) {
        if (isAny(field)) return (1 << max) - 1;
        int mask = 0;
        for (String part : field.split("&", -1)) {
            String item = part.trim();
            int dash = item.indexOf('-');
            int start = lookup(dash < 0 ? item : item.substring(0, dash).trim(), max, names, what, spec);
            int end = dash < 0 ? start : lookup(item.substring(dash + 1).trim(), max, names, "end " + what, spec);
            mask |= 1 << end;
            for (int i = start; i != end; i = (i + 1) % max) mask |= 1 << i;
        }
        return mask;
    }

    /** Index from 0: a name from the table, or a number counted from 1. */
    private static int lookup(String s, int max, String[] names, String what, String spec) {
        if (names != null) {
            String lower = s.toLowerCase(Locale.ROOT);
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(lower)) return i;
            }
        }
        if (!s.isEmpty() && s.length() <= 2 && allDigits(s, 0, s.length())) {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= max) return n - 1;
        }
        String expected = names == null ? "1-" + max
                : names[0] + ".." + names[names.length - 1] + " or 1-" + max;
        throw new IllegalArgumentException("Invalid " + what + " '" + s + "' in time specification '" + spec
                + "': expected " + expected);
    }

    private static boolean allDigits(String s, int from, int to) {
        if (from >= to) return false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }
}
