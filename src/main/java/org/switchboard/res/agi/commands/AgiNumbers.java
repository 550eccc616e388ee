package org.switchboard.res.agi.commands;

/** How res_agi reads numbers from command words: C's sscanf("%d") / atoi / sscanf("%lf"). No I/O. */
final class AgiNumbers {
    private AgiNumbers() {}

    /** sscanf %d: the integer at the start after blanks (sign allowed), clamped to int; null when there is none. */
    static Integer scanInt(String s) {
        Long v = scanLong(s);
        return v == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    /** sscanf %ld, clamped to long. */
    static Long scanLong(String s) {
        if (s == null) return null;
        int i = 0, n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) neg = s.charAt(i++) == '-';
        int start = i;
        long v = 0;
        for (; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            v = v > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : v * 10 + (s.charAt(i) - '0');
        }
        if (i == start) return null;
        return neg ? -v : v;
    }

    /** atoi: the leading integer, else 0. */
    static int atoi(String s) {
        Integer v = scanInt(s);
        return v == null ? 0 : v;
    }

    /** sscanf %lf: a leading decimal number; null when there is none. */
    static Double scanDouble(String s) {
        if (s == null) return null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)").matcher(s);
        return m.lookingAt() ? Double.parseDouble(m.group(1)) : null;
    }
}
