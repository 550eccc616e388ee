package org.switchboard.funcs;

import java.util.ArrayList;
import java.util.List;

/**
 * The small string rules dialplan functions share with Asterisk: argument splitting with a limit
 * (main/app.c {@code __ast_app_separate_args}), the C number readers ({@code atoi}, {@code sscanf
 * %d/%lf}) that take a leading number and ignore the rest, trimming, and the truth of a condition
 * ({@code pbx_checkcondition}).
 */
final class FuncArgs {
    private FuncArgs() {}

    /**
     * Splits {@code data} on {@code delim} outside parentheses, square brackets and double quotes,
     * into at most {@code max} arguments; the last one keeps the unsplit rest exactly as written.
     * With {@code removeChars}, quotes are dropped and a backslash makes the next character literal
     * in the arguments that get split. Missing arguments are null (Asterisk's NULL), so
     * {@code "a,"} gives {@code ["a", ""]} but {@code "a"} gives {@code ["a", null]} and an empty
     * input gives all nulls.
     */
    static String[] separate(String data, char delim, boolean removeChars, int max) {
        String[] out = new String[max];
        java.util.List<String> args = org.switchboard.core.AppArgs.separate(data, delim, removeChars, max);
        for (int i = 0; i < args.size(); i++) out[i] = args.get(i);
        return out;
    }

    /** {@code AST_STANDARD_APP_ARGS}: comma separated, quotes and backslashes removed. */
    static String[] standard(String data, int max) { return separate(data, ',', true, max); }

    /** Null or empty, like {@code ast_strlen_zero}. */
    static boolean isEmpty(String s) { return s == null || s.isEmpty(); }

    static String orEmpty(String s) { return s == null ? "" : s; }

    /** {@code ast_strip}: blanks removed at both ends (space, tab, CR, LF as C's isspace). */
    static String strip(String s) {
        if (s == null) return null;
        int a = 0, b = s.length();
        while (a < b && isSpace(s.charAt(a))) a++;
        while (b > a && isSpace(s.charAt(b - 1))) b--;
        return s.substring(a, b);
    }

    /** {@code ast_strip_quoted(s, "\"", "\"")}: stripped, then a pair of quotes removed when it encloses the whole text. */
    static String stripQuoted(String s) {
        if (s == null) return null;
        String t = strip(s);
        if (!t.isEmpty() && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
            return t.length() == 1 ? "" : t.substring(1, t.length() - 1);
        }
        return t;
    }

    static boolean isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b; }

    /**
     * The leading integer of {@code s} the way {@code sscanf("%d")} reads it: blanks skipped, an
     * optional sign, then digits; anything after is ignored. Null when there is no number.
     */
    static Long leadingLong(String s) {
        if (s == null) return null;
        int i = 0, n = s.length();
        while (i < n && isSpace(s.charAt(i))) i++;
        int start = i;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int digits = i;
        while (i < n && i - digits < 18 && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) i++;
        if (i == digits) return null;
        return Long.parseLong(s.substring(start, i).replace("+", ""));
    }

    /** {@code sscanf("%d")} into an int: the leading number, or null. */
    static Integer leadingInt(String s) {
        Long v = leadingLong(s);
        return v == null ? null : (int) (long) v;
    }

    /** {@code atoi}: the leading number, 0 when there is none. */
    static int atoi(String s) {
        Integer v = leadingInt(s);
        return v == null ? 0 : v;
    }

    /**
     * The leading floating point number the way {@code sscanf("%lf")} reads it (blanks, sign,
     * digits, fraction, exponent, also {@code inf} and {@code nan}); null when there is none.
     */
    static Double leadingDouble(String s) {
        if (s == null) return null;
        int i = 0, n = s.length();
        while (i < n && isSpace(s.charAt(i))) i++;
        int start = i;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        String rest = s.substring(i).toLowerCase(java.util.Locale.ROOT);
        boolean negative = i > start && s.charAt(start) == '-';
        if (rest.startsWith("inf")) return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (rest.startsWith("nan")) return Double.NaN;
        int intStart = i;
        while (i < n && isAsciiDigit(s.charAt(i))) i++;
        int intDigits = i - intStart;
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            int j = i + 1;
            while (j < n && isAsciiDigit(s.charAt(j))) j++;
            fracDigits = j - i - 1;
            if (intDigits + fracDigits > 0) i = j;
        }
        if (intDigits + fracDigits == 0) return null;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) j++;
            int expStart = j;
            while (j < n && isAsciiDigit(s.charAt(j))) j++;
            if (j > expStart) i = j;
        }
        try {
            return Double.parseDouble(s.substring(start, i));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

    /**
     * {@code pbx_checkcondition}: empty is false, a leading number is true when it is not zero,
     * any other text is true. So {@code "0"}, {@code "00"} and {@code "0abc"} are false,
     * {@code "-1"} and {@code "abc"} true.
     */
    static boolean isTrue(String condition) {
        if (isEmpty(condition)) return false;
        Long v = leadingLong(condition);
        return v == null || v != 0;
    }

    /** A plain variable name (letters, digits, _ and the inheritance marks), nothing to substitute. */
    static boolean isPlainName(String s) {
        if (s == null || s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) return false;
        }
        return true;
    }

    /** The list of non-null arguments, for messages. */
    static List<String> present(String[] args) {
        List<String> out = new ArrayList<>();
        for (String a : args) if (a != null) out.add(a);
        return out;
    }
}
