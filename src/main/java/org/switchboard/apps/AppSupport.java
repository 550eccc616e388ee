package org.switchboard.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.dialplan.Dialplan;

/**
 * The small rules the dialplan applications share with Asterisk's C code: argument splitting with
 * a limit ({@code __ast_app_separate_args}), the C number readers ({@code sscanf %d},
 * {@code ast_app_parse_timelen}), the truth of a condition ({@code pbx_checkcondition}), and
 * running one dialplan priority from inside an application (Macro's sub-engine).
 */
final class AppSupport {
    private AppSupport() {}

    /**
     * Splits {@code data} on {@code delim} outside parentheses, square brackets and double quotes,
     * into at most {@code max} arguments, as main/app.c does: the last one keeps the unsplit rest.
     * With {@code removeChars} (AST_STANDARD_APP_ARGS) quotes are dropped and a backslash makes the
     * next character literal; without it (the RAW variants) both are kept. An empty input has no
     * arguments; a trailing delimiter adds one empty argument.
     */
    static List<String> separate(String data, char delim, boolean removeChars, int max) {
        return org.switchboard.core.AppArgs.separate(data, delim, removeChars, max);
    }

    /** The argument at {@code i}, or null when there are fewer (Asterisk's NULL). */
    static String arg(List<String> args, int i) { return i < args.size() ? args.get(i) : null; }

    static boolean isEmpty(String s) { return s == null || s.isEmpty(); }

    /**
     * {@code sscanf(s, "%d")}: the integer at the start of {@code s} after blanks, with an optional
     * sign; null when there is none. Out-of-range values are clamped.
     */
    static Integer leadingInt(String s) {
        if (s == null) return null;
        int i = 0, n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) neg = s.charAt(i++) == '-';
        int start = i;
        long v = 0;
        while (i < n && i - start < 30 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = Math.min(v * 10 + (s.charAt(i) - '0'), Integer.MAX_VALUE + 1L);
            i++;
        }
        if (i == start) return null;
        v = neg ? -v : v;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    /** {@code atoi}: the leading integer, or 0. */
    static int atoi(String s) {
        Integer v = leadingInt(s);
        return v == null ? 0 : v;
    }

    /**
     * pbx_checkcondition: empty is false, a leading number is its truth ({@code 0}, {@code 00},
     * {@code 0abc} are false), any other text is true.
     */
    static boolean checkCondition(String condition) {
        if (isEmpty(condition)) return false;
        Integer v = leadingInt(condition);
        return v == null || v != 0;
    }

    private static final Pattern TIMELEN = Pattern.compile(
            "\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(\\S*).*", Pattern.DOTALL);

    /**
     * ast_app_parse_timelen with seconds as the default unit: {@code 1.5}, {@code 500ms},
     * {@code 2s}, {@code 1m}, {@code 1h}.
     *
     * @return milliseconds, or -1 when the text is not a time length
     */
    static long parseTimeLenSeconds(String text) { return parseTimeLen(text, 1000); }

    /** ast_app_parse_timelen with milliseconds as the default unit ({@code 250}, {@code 1.5s}); -1 when no time length. */
    static long parseTimeLenMillis(String text) { return parseTimeLen(text, 1); }

    private static long parseTimeLen(String text, double defaultFactor) {
        if (text == null) return -1;
        Matcher m = TIMELEN.matcher(text);
        if (!m.matches()) return -1;
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2).toLowerCase(java.util.Locale.ROOT);
        double factor = switch (unit) {
            case "" -> defaultFactor;
            case "s" -> 1000;
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> -1;
        };
        if (factor < 0) return -1;
        double ms = amount * factor;
        return ms > Integer.MAX_VALUE ? Integer.MAX_VALUE : (long) ms;
    }

    /** Runs one priority the way the pbx loop does (substitution, Executing line, app). */
    static Application.Result runPriority(Channel c, Dialplan.Found f) {
        return c.pbx().executePriority(c, f);
    }

    /** The priority the channel would run next, or null when there is none. */
    static Dialplan.Found current(Channel c) {
        return c.pbx().dialplan().find(c.context(), c.exten(), c.priority(), c.callerId().number());
    }

    static boolean exists(Channel c, String context, String exten, int priority) {
        return c.pbx().dialplan().exists(context, exten, priority, c.callerId().number());
    }

    /** raise_exception: the channel goes to {@code e} with EXCEPTION() set. */
    static void raiseException(Channel c, String reason) {
        c.pbx().raiseException(c, reason);
        c.jumpTo(null, "e", 1);
    }

    /** Whether the last application moved the channel (Goto semantics), clearing the mark, as the pbx loop does. */
    static boolean takeJumped(Channel c, String beforeContext, String beforeExten, int beforePriority) {
        return c.takeJumped();
    }
}
