package org.switchboard.apps;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.PbxLog;

/**
 * The prompts that say a time in a format, English rules (main/say.c, ast_say_date_with_format_en;
 * the format letters are voicemail.conf's, close to strftime). A prompt is either said alone, and
 * then a missing file ends the whole phrase (Asterisk's wait_file), or is part of a number, whose
 * missing files are skipped.
 */
final class DateSayer {
    private DateSayer() {}

    /** Asterisk's default format. */
    static final String DEFAULT_FORMAT = "ABdY 'digits/at' IMp";

    /** One prompt; {@code required} ones end the phrase when they cannot be played. */
    record Prompt(String file, boolean required) {}

    /** ast_localtime's zone: null or empty is the machine's, a name the tz database does not know is GMT. */
    static ZoneId zone(String name) {
        if (name == null || name.isEmpty()) return ZoneId.systemDefault();
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** The prompts that say {@code epochSeconds} in {@code zone} by {@code format}; {@code now} is for Q and q. */
    static List<Prompt> prompts(long epochSeconds, ZoneId zone, String format, Instant now) {
        List<Prompt> out = new ArrayList<>();
        add(out, epochSeconds, zone, format == null || format.isEmpty() ? DEFAULT_FORMAT : format, now);
        return out;
    }

    private static void add(List<Prompt> out, long t, ZoneId zone, String format, Instant now) {
        ZonedDateTime tm = Instant.ofEpochSecond(t).atZone(zone);
        int hour = tm.getHour(), min = tm.getMinute(), sec = tm.getSecond();
        for (int i = 0; i < format.length(); i++) {
            char f = format.charAt(i);
            switch (f) {
                case '\'' -> {
                    int end = format.indexOf('\'', i + 1);
                    if (end < 0) end = format.length();
                    one(out, format.substring(i + 1, end));
                    i = end;
                }
                case 'A', 'a' -> one(out, "digits/day-" + tm.getDayOfWeek().getValue() % 7);
                case 'B', 'b', 'h' -> one(out, "digits/mon-" + (tm.getMonthValue() - 1));
                case 'm' -> enumeration(out, tm.getMonthValue());
                case 'd', 'e' -> enumeration(out, tm.getDayOfMonth());
                case 'Y' -> year(out, tm.getYear());
                case 'I', 'l' -> one(out, "digits/" + (hour == 0 ? 12 : hour > 12 ? hour - 12 : hour));
                case 'H', 'k' -> {
                    if (f == 'H' ? hour < 10 : hour == 0) one(out, "digits/oh");
                    if (hour > 20) one(out, "digits/20");
                    if (hour != 0) one(out, "digits/" + (hour > 20 ? hour - 20 : hour));
                }
                case 'M', 'N' -> {
                    if (min == 0) one(out, f == 'M' ? "digits/oclock" : "digits/hundred");
                    else if (min < 10) twoPart(out, min);
                    else number(out, min);
                }
                case 'P', 'p' -> one(out, hour > 11 ? "digits/p-m" : "digits/a-m");
                case 'Q', 'q' -> relative(out, t, zone, now);
                case 'R' -> add(out, t, zone, "HM", now);
                case 'S' -> {
                    if (sec == 0) one(out, "digits/0");
                    else if (sec < 10) twoPart(out, sec);
                    else number(out, sec);
                }
                case 'T' -> add(out, t, zone, "HMS", now);
                case ' ', '\t' -> { }
                default -> PbxLog.warning("say.c", "Unknown character in datetime format " + format + ": " + f + " at pos " + i);
            }
        }
    }

    /** "oh five": a minute or second under ten. */
    private static void twoPart(List<Prompt> out, int n) {
        one(out, "digits/oh");
        one(out, "digits/" + n);
    }

    /** Y: years after 1999 as a number, 1901-1999 as "nineteen ..." ("nineteen oh five"); 1900 and before: nothing. */
    private static void year(List<Prompt> out, int year) {
        int sinceNineteenHundred = year - 1900;
        if (sinceNineteenHundred > 99) {
            number(out, year);
        } else if (sinceNineteenHundred >= 1) {
            one(out, "digits/19");
            if (sinceNineteenHundred <= 9) one(out, "digits/oh");
            number(out, sinceNineteenHundred);
        }
    }

    /** Q and q: today, tomorrow, yesterday, a weekday within a week, else the date (with the year beyond six months). */
    private static void relative(List<Prompt> out, long t, ZoneId zone, Instant now) {
        ZonedDateTime n = now.atZone(zone);
        long begToday = now.getEpochSecond() - n.getHour() * 3600L - n.getMinute() * 60L - n.getSecond();
        String sub;
        if (begToday + 15_768_000 < t) sub = "BdY";
        else if (begToday + 2_628_000 < t) sub = "Bd";
        else if (begToday + 86_400 * 6 < t) sub = "ABd";
        else if (begToday + 172_800 < t) sub = "A";
        else if (begToday + 86_400 < t) sub = "'digits/tomorrow'";
        else if (begToday < t) sub = "'digits/today'";
        else if (begToday - 86_400 < t) sub = "'digits/yesterday'";
        else if (begToday - 86_400 * 6 < t) sub = "A";
        else if (begToday - 2_628_000 < t) sub = "ABd";
        else if (begToday - 15_768_000 < t) sub = "Bd";
        else sub = "BdY";
        add(out, t, zone, sub, now);
    }

    private static void one(List<Prompt> out, String file) { out.add(new Prompt(file, true)); }

    private static void number(List<Prompt> out, long n) {
        List<String> files = SayFiles.number(n);
        if (files != null) files.forEach(f -> out.add(new Prompt(f, false)));
    }

    /** ast_say_enumeration_full_en for 1-99 (the days and months of a date): first, ..., twentieth, twenty first, .... */
    static void enumeration(List<Prompt> out, int n) {
        if (n >= 20 && n < 100 && n % 10 != 0) {
            out.add(new Prompt("digits/" + n / 10 * 10, false));
            n %= 10;
        }
        if (n > 0 && n < 100) out.add(new Prompt("digits/h-" + n, false));
    }
}
