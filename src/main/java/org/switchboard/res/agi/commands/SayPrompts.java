package org.switchboard.res.agi.commands;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.apps.SayFiles;
import org.switchboard.core.PbxLog;

/**
 * The prompts that say words, dates and times in English (main/say.c's _en rules: ast_say_phonetic_str,
 * ast_say_date, ast_say_time, ast_say_date_with_format). No I/O.
 */
final class SayPrompts {
    /** ast_say_datetime's format when none is given (English). */
    static final String DEFAULT_DATETIME_FORMAT = "ABdY 'digits/at' IMp";

    private SayPrompts() {}

    /** NATO words for letters (phonetic/x_p), digits and signs as SAY ALPHA says them. */
    static List<String> phonetic(String text) {
        List<String> out = new ArrayList<>();
        for (char ch : text.toCharArray()) {
            if (ch < 128 && Character.isLetter(ch)) out.add("phonetic/" + Character.toLowerCase(ch) + "_p");
            else out.addAll(SayFiles.alpha(String.valueOf(ch)));
        }
        return out;
    }

    /** ast_say_date_en: day of the week, month, day of the month, year. */
    static List<String> date(long epochSeconds, ZoneId zone) {
        ZonedDateTime t = at(epochSeconds, zone);
        List<String> out = new ArrayList<>();
        out.add(weekday(t));
        out.add(month(t));
        out.addAll(SayFiles.number(t.getDayOfMonth()));
        out.addAll(SayFiles.number(t.getYear()));
        return out;
    }

    /** ast_say_time_en: the hour on a 12-hour clock, the minutes (oh-five), a.m. or p.m. */
    static List<String> time(long epochSeconds, ZoneId zone) {
        ZonedDateTime t = at(epochSeconds, zone);
        List<String> out = new ArrayList<>(hour12(t));
        int min = t.getMinute();
        if (min > 9) {
            out.addAll(SayFiles.number(min));
        } else if (min > 0) {
            out.add("digits/oh");
            out.addAll(SayFiles.number(min));
        }
        out.add(t.getHour() >= 12 ? "digits/p-m" : "digits/a-m");
        return out;
    }

    /**
     * ast_say_date_with_format_en: A/a weekday, B/b/h month, d/e day (ordinal), m month (ordinal),
     * Y year, I/l hour (12), H/k hour (24), M/N minutes, P/p a.m./p.m., S seconds, R = HM,
     * T = HMS, 'file' a prompt as written; blanks are skipped.
     */
    static List<String> dateWithFormat(long epochSeconds, ZoneId zone, String format) {
        ZonedDateTime t = at(epochSeconds, zone);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < format.length(); i++) {
            char f = format.charAt(i);
            switch (f) {
                case '\'' -> {
                    int end = format.indexOf('\'', i + 1);
                    if (end < 0) end = format.length();
                    String file = format.substring(i + 1, end);
                    if (!file.isEmpty()) out.add(file);
                    i = end;
                }
                case 'A', 'a' -> out.add(weekday(t));
                case 'B', 'b', 'h' -> out.add(month(t));
                case 'm' -> out.addAll(ordinal(t.getMonthValue()));
                case 'd', 'e' -> out.addAll(ordinal(t.getDayOfMonth()));
                case 'Y' -> out.addAll(year(t.getYear()));
                case 'I', 'l' -> out.addAll(hour12(t));
                case 'H', 'k' -> {
                    if (f == 'H' && t.getHour() < 10) out.add("digits/oh");
                    out.addAll(SayFiles.number(t.getHour()));
                }
                case 'M', 'N' -> out.addAll(minutes(t.getMinute(), f == 'M'));
                case 'P', 'p' -> out.add(t.getHour() >= 12 ? "digits/p-m" : "digits/a-m");
                case 'S' -> {
                    out.addAll(SayFiles.number(t.getSecond()));
                    out.add("digits/seconds");
                }
                case 'R' -> out.addAll(dateWithFormat(epochSeconds, zone, "HM"));
                case 'T' -> out.addAll(dateWithFormat(epochSeconds, zone, "HMS"));
                case ' ', '\t' -> { }
                default -> PbxLog.warning("say.c", "Unknown character in datetime format " + format + ": " + f + " at pos " + i);
            }
        }
        return out;
    }

    private static ZonedDateTime at(long epochSeconds, ZoneId zone) { return Instant.ofEpochSecond(epochSeconds).atZone(zone); }

    /** digits/day-0 is Sunday, as struct tm counts. */
    private static String weekday(ZonedDateTime t) { return "digits/day-" + (t.getDayOfWeek().getValue() % 7); }

    /** digits/mon-0 is January. */
    private static String month(ZonedDateTime t) { return "digits/mon-" + (t.getMonthValue() - 1); }

    private static List<String> hour12(ZonedDateTime t) {
        int h = t.getHour() % 12;
        return SayFiles.number(h == 0 ? 12 : h);
    }

    private static List<String> minutes(int min, boolean oclock) {
        if (min == 0) return List.of(oclock ? "digits/oclock" : "digits/hundred");
        List<String> out = new ArrayList<>();
        if (min < 10) out.add("digits/oh");
        out.addAll(SayFiles.number(min));
        return out;
    }

    /** ast_say_enumeration_en for 1..99: digits/h-N, or the tens then digits/h-N. */
    static List<String> ordinal(int n) {
        if (n < 20 || n % 10 == 0) return List.of("digits/h-" + n);
        return List.of("digits/" + (n / 10) * 10, "digits/h-" + n % 10);
    }

    /** Years from 2000 as a number; 1901-1999 as nineteen, then oh-N or N. */
    static List<String> year(int y) {
        if (y >= 2000 || y <= 1900) return SayFiles.number(y);
        List<String> out = new ArrayList<>();
        out.add("digits/19");
        int yy = y - 1900;
        if (yy < 10) out.add("digits/oh");
        out.addAll(SayFiles.number(yy));
        return out;
    }
}
