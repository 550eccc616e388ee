package org.switchboard.funcs;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.switchboard.core.Channel;

/**
 * {@code STRPTIME(datetime,timezone,format)} (func_strings.c): the epoch of a date read with C's
 * strptime (C locale, glibc's conversions) and turned into seconds with mktime in the given zone.
 * As with mktime, fields the format does not set are zero, so a day of the month left out is day
 * 0, the last day of the month before; a time alone lands on 31 December 1899.
 */
public final class StrptimeFunction extends BaseFunction {
    public StrptimeFunction() {
        super("STRPTIME", "func_strings",
                "Returns the epoch of the arbitrary date/time string structured as described by the format.",
                "STRPTIME(datetime,timezone,format)",
                """
                Reads datetime according to format (the conversions of strptime(3) in the C
                locale: %Y %m %d %H %M %S %y %b %B %a %p %I %j %T %D %R %F %z %Z ...), takes it
                as a local time in timezone (empty means the system's zone), and returns the
                seconds since 1970. Useful to compare two dates or to feed SayUnixTime. A date
                that does not fit the format is a warning and gives nothing; so does a missing
                format. Fields the format leaves out count as zero, as with mktime(3).
                Example: ${STRPTIME(2006-03-01 07:30:35,America/Chicago,%Y-%m-%d %H:%M:%S)}
                returns 1141219835.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (data == null) {
            error("Asterisk function STRPTIME() requires an argument.");
            return null;
        }
        String[] args = FuncArgs.standard(data, 3);
        if (FuncArgs.isEmpty(args[2])) {
            error("No format supplied to STRPTIME(<timestring>,<timezone>,<format>)");
            return null;
        }
        Tm tm = new Tm();
        if (parse(FuncArgs.orEmpty(args[0]), 0, args[2], tm) < 0) {
            warn("STRPTIME() found no time specified within the string");
            return "";
        }
        if (tm.epoch != null) return Long.toString(tm.epoch);
        if (tm.haveI && tm.pm) tm.hour += 12;
        if (tm.yday >= 0) {
            // glibc fills in the month and day a day-of-the-year implies, when the format gave none
            LocalDate d = LocalDate.of(1900, 1, 1).plusYears(tm.year).plusDays(tm.yday);
            if (!tm.haveMon) tm.mon = d.getMonthValue() - 1;
            if (!tm.haveMday) tm.mday = d.getDayOfMonth();
        }
        LocalDateTime local = LocalDate.of(1900, 1, 1).plusYears(tm.year).plusMonths(tm.mon)
                .plusDays(tm.mday - 1L).atStartOfDay()
                .plusHours(tm.hour).plusMinutes(tm.min).plusSeconds(tm.sec);
        return Long.toString(local.atZone(StrftimeFunction.zone(args[1])).toEpochSecond());
    }

    /** The fields of a struct tm that mktime reads; zero unless the format sets them. */
    static final class Tm {
        int year, mon, mday, hour, min, sec;
        int yday = -1;                 // %j, 0-based
        boolean haveMon, haveMday, haveI, pm;
        Long epoch;   // %s: seconds since the epoch, taken as they are
    }

    /** glibc strptime: returns the index in {@code s} after the match, or -1. */
    static int parse(String s, int at, String fmt, Tm tm) {
        int i = at;
        int n = s.length();
        for (int f = 0; f < fmt.length(); f++) {
            char c = fmt.charAt(f);
            if (FuncArgs.isSpace(c)) {               // white space matches any amount of it
                while (i < n && FuncArgs.isSpace(s.charAt(i))) i++;
                continue;
            }
            if (c != '%' || f + 1 >= fmt.length()) {
                if (i >= n || s.charAt(i) != c) return -1;
                i++;
                continue;
            }
            char conv = fmt.charAt(++f);
            if ((conv == 'E' || conv == 'O') && f + 1 < fmt.length()) conv = fmt.charAt(++f);
            int[] v = new int[1];
            switch (conv) {
                case '%' -> {
                    if (i >= n || s.charAt(i) != '%') return -1;
                    i++;
                }
                case 'n', 't' -> {
                    while (i < n && FuncArgs.isSpace(s.charAt(i))) i++;
                }
                case 'Y' -> { i = number(s, i, 0, 9999, 4, v); tm.year = v[0] - 1900; }
                case 'm' -> { i = number(s, i, 1, 12, 2, v); tm.mon = v[0] - 1; tm.haveMon = true; }
                case 'd', 'e' -> { i = number(s, i, 1, 31, 2, v); tm.mday = v[0]; tm.haveMday = true; }
                case 'H', 'k' -> { i = number(s, i, 0, 23, 2, v); tm.hour = v[0]; tm.haveI = false; }
                case 'I', 'l' -> { i = number(s, i, 1, 12, 2, v); tm.hour = v[0] % 12; tm.haveI = true; }
                case 'M' -> { i = number(s, i, 0, 59, 2, v); tm.min = v[0]; }
                case 'S' -> { i = number(s, i, 0, 61, 2, v); tm.sec = v[0]; }
                case 'y' -> { i = number(s, i, 0, 99, 2, v); tm.year = v[0] >= 69 ? v[0] : v[0] + 100; }
                case 'C' -> { i = number(s, i, 0, 99, 2, v); tm.year = v[0] * 100 - 1900 + Math.floorMod(tm.year, 100); }
                case 'j' -> { i = number(s, i, 1, 366, 3, v); tm.yday = v[0] - 1; }
                case 'u' -> i = number(s, i, 1, 7, 1, v);
                case 'w' -> i = number(s, i, 0, 6, 1, v);
                case 'U', 'W', 'V' -> i = number(s, i, 0, 53, 2, v);
                case 'g' -> i = number(s, i, 0, 99, 2, v);
                case 'G' -> i = number(s, i, 0, 9999, 4, v);
                case 'a', 'A' -> i = name(s, i, StrftimeFunction.DAYS, v);
                case 'b', 'B', 'h' -> { i = name(s, i, StrftimeFunction.MONTHS, v); tm.mon = v[0]; tm.haveMon = true; }
                case 'p', 'P' -> {
                    while (i < n && FuncArgs.isSpace(s.charAt(i))) i++;
                    if (s.regionMatches(true, i, "AM", 0, 2)) tm.pm = false;
                    else if (s.regionMatches(true, i, "PM", 0, 2)) tm.pm = true;
                    else return -1;
                    i += 2;
                }
                case 'D', 'x' -> i = parse(s, i, "%m/%d/%y", tm);
                case 'T', 'X' -> i = parse(s, i, "%H:%M:%S", tm);
                case 'R' -> i = parse(s, i, "%H:%M", tm);
                case 'F' -> i = parse(s, i, "%Y-%m-%d", tm);
                case 'r' -> i = parse(s, i, "%I:%M:%S %p", tm);
                case 'c' -> i = parse(s, i, "%a %b %e %H:%M:%S %Y", tm);
                case 's' -> {
                    while (i < n && FuncArgs.isSpace(s.charAt(i))) i++;
                    int st = i;
                    if (i < n && s.charAt(i) == '-') i++;
                    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - st < 18) i++;
                    if (i == st || (i == st + 1 && s.charAt(st) == '-')) return -1;
                    tm.epoch = Long.parseLong(s.substring(st, i));
                }
                case 'z' -> i = offset(s, i);                // read, but mktime ignores tm_gmtoff
                case 'Z' -> {                                // glibc: read, not converted
                    while (i < n && FuncArgs.isSpace(s.charAt(i))) i++;
                    while (i < n && !FuncArgs.isSpace(s.charAt(i))) i++;
                }
                default -> { return -1; }
            }
            if (i < 0) return -1;
        }
        return i;
    }

    /** glibc get_number: blanks, then up to {@code digits} digits while the value stays within {@code to}. */
    private static int number(String s, int i, int from, int to, int digits, int[] v) {
        int n = s.length();
        while (i < n && FuncArgs.isSpace(s.charAt(i))) i++;
        if (i >= n || s.charAt(i) < '0' || s.charAt(i) > '9') return -1;
        int val = 0;
        int left = digits;
        do {
            val = val * 10 + (s.charAt(i++) - '0');
        } while (--left > 0 && val * 10 <= to && i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9');
        if (val < from || val > to) return -1;
        v[0] = val;
        return i;
    }

    /** A full or three-letter English name, any case; its index in v[0]. */
    private static int name(String s, int i, String[] names, int[] v) {
        while (i < s.length() && FuncArgs.isSpace(s.charAt(i))) i++;
        for (int k = 0; k < names.length; k++) {
            String full = names[k];
            if (s.regionMatches(true, i, full, 0, full.length())) {
                v[0] = k;
                return i + full.length();
            }
        }
        for (int k = 0; k < names.length; k++) {
            if (s.regionMatches(true, i, names[k], 0, 3)) {
                v[0] = k;
                return i + 3;
            }
        }
        return -1;
    }

    /** {@code %z}: Z, or +hh, +hhmm, +hh:mm. */
    private static int offset(String s, int i) {
        int n = s.length();
        while (i < n && FuncArgs.isSpace(s.charAt(i))) i++;
        if (i < n && s.charAt(i) == 'Z') return i + 1;
        if (i >= n || (s.charAt(i) != '+' && s.charAt(i) != '-')) return -1;
        i++;
        int digits = 0;
        while (i < n && digits < 4) {
            char c = s.charAt(i);
            if (c == ':' && digits == 2) {
                i++;
                continue;
            }
            if (c < '0' || c > '9') break;
            digits++;
            i++;
        }
        return digits == 2 || digits == 4 ? i : -1;
    }
}
