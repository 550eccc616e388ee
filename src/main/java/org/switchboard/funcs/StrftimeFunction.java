package org.switchboard.funcs;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Locale;
import org.switchboard.core.Channel;

/**
 * {@code STRFTIME([epoch][,timezone][,format])} (func_strings.c): a time formatted like C's
 * strftime in the C locale, plus Asterisk's {@code %[n]q} fractions of a second. The formatter
 * is {@link #format}, which STRPTIME's tests and other time functions can share.
 */
public final class StrftimeFunction extends BaseFunction {
    private static final double MIN_EPOCH = -62_135_596_800.0;   // 0001-01-01T00:00:00Z
    private static final double MAX_EPOCH = 253_402_300_799.0;   // 9999-12-31T23:59:59Z
    static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};

    public StrftimeFunction() {
        super("STRFTIME", "func_strings", "Returns the current date/time in the specified format.",
                "STRFTIME([epoch][,timezone][,format])",
                """
                Formats a time. epoch is seconds since 1970 (fractions allowed; empty or not a
                number means now); timezone is a zone name such as America/Chicago (empty means
                the system's zone; an unknown name means UTC); format takes the conversions of
                strftime(3) in the C locale (%Y-%m-%d %H:%M:%S, %a, %b, %s, %Z, ...), the
                default being %c. Asterisk adds %[n]q, the fraction of the second with n digits
                (default 3): %S.%3q gives seconds with milliseconds. The format is the rest of
                the arguments taken as written, so it may contain commas.
                Example: ${STRFTIME(${EPOCH},,%Y%m%d-%H%M%S)}.""");
    }

    @Override
    public String read(Channel channel, String data) {
        String[] args = FuncArgs.separate(data, ',', true, 3);
        long seconds;
        int micros = 0;
        Double epoch = FuncArgs.isEmpty(args[0]) ? null : FuncArgs.leadingDouble(args[0]);
        if (epoch == null || epoch.isNaN() || epoch.isInfinite()) {
            Instant now = Instant.now();
            seconds = now.getEpochSecond();
            micros = now.getNano() / 1000;
        } else {
            // keep to years 1..9999, where every zone rule and calendar field is defined
            double e = Math.max(MIN_EPOCH, Math.min(MAX_EPOCH, epoch));
            seconds = (long) e;
            micros = (int) ((e - seconds) * 1_000_000.0);
            if (micros < 0) {
                seconds--;
                micros += 1_000_000;
            }
        }
        ZonedDateTime t = Instant.ofEpochSecond(seconds).atZone(zone(args[1]));
        String format = args[2] == null ? "%c" : args[2];
        String out = format(format, t, micros);
        if (out.isEmpty()) warn("C function strftime() output nothing?!!");
        return out;
    }

    /** ast_localtime's zone: empty is the system zone, an unknown name falls back to UTC (GMT). */
    static ZoneId zone(String name) {
        if (FuncArgs.isEmpty(name)) return ZoneId.systemDefault();
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** C strftime in the C locale, with GNU's flags ({@code - _ 0 ^ #}) and widths, and Asterisk's {@code %[n]q}. */
    /** ast_strftime for other modules (cdr_custom's time formats): {@code fmt} for {@code t}. */
    public static String strftime(String fmt, ZonedDateTime t) { return format(fmt, t, 0); }

    static String format(String fmt, ZonedDateTime t, int micros) {
        StringBuilder out = new StringBuilder(fmt.length() + 16);
        int i = 0, n = fmt.length();
        while (i < n) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            int start = i;
            i++;
            char pad = 0;          // '-' none, '_' space, '0' zero; 0 = the conversion's default
            boolean upper = false;
            while (i < n && "-_0^#".indexOf(fmt.charAt(i)) >= 0) {
                char f = fmt.charAt(i++);
                if (f == '^') upper = true;
                else if (f != '#') pad = f;
            }
            int width = -1;
            while (i < n && Character.isDigit(fmt.charAt(i))) {
                width = Math.max(0, width) * 10 + (fmt.charAt(i++) - '0');
                if (width > 1024) width = 1024;
            }
            if (i < n && (fmt.charAt(i) == 'E' || fmt.charAt(i) == 'O')) i++;
            if (i >= n) {
                out.append(fmt, start, n);
                break;
            }
            char conv = fmt.charAt(i++);
            if (conv == 'q') {   // Asterisk: %[n]q, n digits of the fraction of a second
                int digits = width < 1 ? 3 : Math.min(width, 6);
                String us = String.format(Locale.ROOT, "%06d", micros);
                out.append(us, 0, digits);
                continue;
            }
            String v = convert(conv, t, pad, width);
            if (v == null) {                     // unknown: copied as written
                out.append(fmt, start, i);
                continue;
            }
            out.append(upper ? v.toUpperCase(Locale.ROOT) : v);
        }
        return out.toString();
    }

    private static String convert(char conv, ZonedDateTime t, char pad, int width) {
        int hour = t.getHour();
        int dow = t.getDayOfWeek().getValue() % 7;   // Sunday = 0
        return switch (conv) {
            case 'a' -> text(DAYS[dow].substring(0, 3), pad, width);
            case 'A' -> text(DAYS[dow], pad, width);
            case 'b', 'h' -> text(MONTHS[t.getMonthValue() - 1].substring(0, 3), pad, width);
            case 'B' -> text(MONTHS[t.getMonthValue() - 1], pad, width);
            case 'c' -> text(format("%a %b %e %H:%M:%S %Y", t, 0), pad, width);
            case 'C' -> num(Math.floorDiv(t.getYear(), 100), 2, '0', pad, width);
            case 'd' -> num(t.getDayOfMonth(), 2, '0', pad, width);
            case 'D', 'x' -> text(format("%m/%d/%y", t, 0), pad, width);
            case 'e' -> num(t.getDayOfMonth(), 2, '_', pad, width);
            case 'F' -> text(format("%Y-%m-%d", t, 0), pad, width);
            case 'g' -> num(Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), 2, '0', pad, width);
            case 'G' -> num(t.get(IsoFields.WEEK_BASED_YEAR), 1, '0', pad, width);
            case 'H' -> num(hour, 2, '0', pad, width);
            case 'I' -> num(hour % 12 == 0 ? 12 : hour % 12, 2, '0', pad, width);
            case 'j' -> num(t.getDayOfYear(), 3, '0', pad, width);
            case 'k' -> num(hour, 2, '_', pad, width);
            case 'l' -> num(hour % 12 == 0 ? 12 : hour % 12, 2, '_', pad, width);
            case 'm' -> num(t.getMonthValue(), 2, '0', pad, width);
            case 'M' -> num(t.getMinute(), 2, '0', pad, width);
            case 'n' -> "\n";
            case 'p' -> text(hour < 12 ? "AM" : "PM", pad, width);
            case 'P' -> text(hour < 12 ? "am" : "pm", pad, width);
            case 'r' -> text(format("%I:%M:%S %p", t, 0), pad, width);
            case 'R' -> text(format("%H:%M", t, 0), pad, width);
            case 's' -> num(t.toEpochSecond(), 1, '0', pad, width);
            case 'S' -> num(t.getSecond(), 2, '0', pad, width);
            case 't' -> "\t";
            case 'T', 'X' -> text(format("%H:%M:%S", t, 0), pad, width);
            case 'u' -> num(t.getDayOfWeek().getValue(), 1, '0', pad, width);
            case 'U' -> num((t.getDayOfYear() - 1 + 7 - dow) / 7, 2, '0', pad, width);
            case 'V' -> num(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0', pad, width);
            case 'w' -> num(dow, 1, '0', pad, width);
            case 'W' -> num((t.getDayOfYear() - 1 + 7 - (t.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue())) / 7,
                    2, '0', pad, width);
            case 'y' -> num(Math.floorMod(t.getYear(), 100), 2, '0', pad, width);
            case 'Y' -> num(t.getYear(), 1, '0', pad, width);
            case 'z' -> {
                int off = t.getOffset().getTotalSeconds() / 60;
                String sign = off < 0 ? "-" : "+";
                off = Math.abs(off);
                yield text(sign + String.format(Locale.ROOT, "%02d%02d", off / 60, off % 60), pad, width);
            }
            case 'Z' -> text(zoneAbbreviation(t), pad, width);
            case '%' -> "%";
            default -> null;
        };
    }

    /**
     * The zone's abbreviation at that instant (CST, CEST), as tm_zone gives it. Java's English
     * names stand in for tzdata's; where English has none, tzdata's numeric form (+04, +0530).
     */
    private static String zoneAbbreviation(ZonedDateTime t) {
        int off = t.getOffset().getTotalSeconds();
        if (t.getZone() instanceof ZoneOffset) return off == 0 ? "UTC" : numericZone(off);
        String name = DateTimeFormatter.ofPattern("zzz", Locale.US).format(t);
        if (name.startsWith("GMT") && name.length() > 3 || name.startsWith("UTC") && name.length() > 3) {
            return numericZone(off);
        }
        return name;
    }

    private static String numericZone(int offsetSeconds) {
        int m = Math.abs(offsetSeconds) / 60;
        String sign = offsetSeconds < 0 ? "-" : "+";
        return m % 60 == 0 ? String.format(Locale.ROOT, "%s%02d", sign, m / 60)
                : String.format(Locale.ROOT, "%s%02d%02d", sign, m / 60, m % 60);
    }

    private static String num(long value, int digits, char defaultPad, char pad, int width) {
        char p = pad == 0 ? defaultPad : pad;
        String s = Long.toString(Math.abs(value));
        String sign = value < 0 ? "-" : "";
        int w = width >= 0 ? width : digits;
        if (p == '-') return sign + s;
        StringBuilder b = new StringBuilder();
        for (int k = sign.length() + s.length(); k < w; k++) b.append(p == '_' ? ' ' : '0');
        return p == '_' ? b + sign + s : sign + b + s;
    }

    private static String text(String s, char pad, int width) {
        if (width <= s.length() || pad == '-') return s;
        return (pad == '0' ? "0" : " ").repeat(width - s.length()) + s;
    }
}
