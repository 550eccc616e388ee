package org.switchboard.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.switchboard.core.Application.Result;
import org.switchboard.core.Channel;
import org.switchboard.media.sound.SoundPlayer;

/**
 * The prompts that say digits, numbers and letters (main/say.c, English rules; other languages
 * use them too until they get their own), and how the Say applications play them: not
 * interruptible unless SAY_DTMF_INTERRUPT is true, when a digit goes to an extension as after
 * Background. The prompt lists are public for AGI's SAY commands.
 */
public final class SayFiles {
    private SayFiles() {}

    /** ast_say_digit_str: each digit, {@code *} star, {@code #} pound, {@code -} minus; other characters are skipped. */
    public static List<String> digits(String text) {
        List<String> out = new ArrayList<>();
        for (char ch : text.toCharArray()) {
            if (ch >= '0' && ch <= '9') out.add("digits/" + ch);
            else if (ch == '*') out.add("digits/star");
            else if (ch == '#') out.add("digits/pound");
            else if (ch == '-') out.add("digits/minus");
        }
        return out;
    }

    /** The prompt Asterisk's say.c plays for a sign (* # ! @ $ - . = + / space), or null. */
    static String sign(char ch) {
        return switch (ch) {
            case '*' -> "digits/star";
            case '#' -> "digits/pound";
            case '!' -> "letters/exclaimation-point";
            case '@' -> "letters/at";
            case '$' -> "letters/dollar";
            case '-' -> "letters/dash";
            case '.' -> "letters/dot";
            case '=' -> "letters/equals";
            case '+' -> "letters/plus";
            case '/' -> "letters/slash";
            case ' ' -> "letters/space";
            default -> null;
        };
    }

    /** ast_say_character_str: letters/x for letters, digits/N for digits, names for signs. */
    public static List<String> alpha(String text) {
        List<String> out = new ArrayList<>();
        for (char ch : text.toCharArray()) {
            String sign = sign(ch);
            String f = sign != null ? sign : ch >= '0' && ch <= '9' ? "digits/" + ch
                    : Character.isLetter(ch) && ch < 128 ? "letters/" + Character.toLowerCase(ch) : null;
            if (f != null) out.add(f);
        }
        return out;
    }

    /**
     * ast_say_number_full_en: minus, then millions, thousands, hundreds, tens and units, each
     * group said as a number of its own ({@code 123} is 1 hundred 20 3, {@code 0} is 0).
     *
     * @return the prompts, or null for numbers of a billion and more ("too big for me")
     */
    public static List<String> number(long num) {
        List<String> out = new ArrayList<>();
        if (num == 0) {
            out.add("digits/0");
            return out;
        }
        if (num < 0) {
            out.add("digits/minus");
            num = -num;
        }
        return addNumber(out, num) ? out : null;
    }

    private static boolean addNumber(List<String> out, long num) {
        while (num > 0) {
            if (num < 20) {
                out.add("digits/" + num);
                num = 0;
            } else if (num < 100) {
                out.add("digits/" + (num / 10) * 10);
                num %= 10;
            } else if (num < 1000) {
                out.add("digits/" + num / 100);
                out.add("digits/hundred");
                num %= 100;
            } else if (num < 1_000_000) {
                addNumber(out, num / 1000);
                out.add("digits/thousand");
                num %= 1000;
            } else if (num < 1_000_000_000) {
                addNumber(out, num / 1_000_000);
                out.add("digits/million");
                num %= 1_000_000;
            } else {
                return false;
            }
        }
        return true;
    }

    /** Plays the prompts ({@code failed[0]} tells whether one was missing); with SAY_DTMF_INTERRUPT a digit goes to its extension. */
    static Result say(Channel c, List<String> files, boolean[] failed) {
        boolean interrupt = isTrue(c.getVar("SAY_DTMF_INTERRUPT") != null ? c.getVar("SAY_DTMF_INTERRUPT")
                : c.pbx().globals().get("SAY_DTMF_INTERRUPT"));
        int r = MediaDigits.playAll(c, files, c.language(), interrupt ? SoundPlayer.ANY_DIGIT : SoundPlayer.NO_DIGIT);
        if (failed != null) failed[0] = r < 0;
        return r > 0 ? MediaDigits.collect(c, (char) r) : Result.CONTINUE;
    }

    /** ast_true. */
    static boolean isTrue(String v) {
        return v != null && switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y", "t", "1", "on" -> true;
            default -> false;
        };
    }
}
