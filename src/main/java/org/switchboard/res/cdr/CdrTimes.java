package org.switchboard.res.cdr;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Call record times are epoch microseconds (0 = not set), as Asterisk's timevals, written the two
 * ways its CDR code writes them: {@code %Y-%m-%d %T} in local time (or GMT) and raw {@code sec.usec}.
 */
public final class CdrTimes {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CdrTimes() {}

    public static long nowMicros() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    /** {@code 2024-05-01 13:11:18} in the zone; empty for an unset time. */
    public static String date(long micros, ZoneId zone) {
        if (micros == 0) return "";
        return DATE.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)).atZone(zone));
    }

    public static String localDate(long micros) { return date(micros, ZoneId.systemDefault()); }

    public static String gmtDate(long micros) { return date(micros, ZoneOffset.UTC); }

    /** Asterisk's raw {@code %ld.%06ld}: {@code 1714569078.123456}, {@code 0.000000} when unset. */
    public static String raw(long micros) {
        return Math.floorDiv(micros, 1_000_000L) + "." + String.format("%06d", Math.floorMod(micros, 1_000_000L));
    }

    /** Milliseconds from {@code from} to {@code to}, as ast_tvdiff_ms rounds them (down). */
    static long millis(long fromMicros, long toMicros) { return Math.floorDiv(toMicros - fromMicros, 1000L); }
}
