package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code CUT(varname,char-delim,range-spec)} (func_cut.c): fields of a delimited string. */
public final class CutFunction extends BaseFunction {
    public CutFunction() {
        super("CUT", "func_cut", "Slices and dices strings, based upon a named delimiter.",
                "CUT(varname,char-delim,range-spec)",
                """
                Splits the variable varname at the one-character delimiter char-delim (a dash
                when empty; it may be encoded as \\n, \\r, \\t, \\0nnn or \\xHH) and returns the
                fields range-spec asks for, joined again with the delimiter. range-spec is a
                field number counted from 1, a range 2-4, an open range 3- or -2, or several of
                these joined with &, in increasing order (asking for a field already passed
                draws a warning). A missing argument or a malformed range is an error.
                Example: when ${x} is a-b-c-d, ${CUT(x,-,2-3)} returns b-c and
                ${CUT(x,-,1&4)} returns a-d.""");
    }

    @Override
    public String read(Channel channel, String data) {
        String[] args = FuncArgs.standard(data, 3);
        if (args[2] == null) {
            error("Syntax: CUT(<varname>,<char-delim>,<range-spec>) - missing argument!");
            return null;
        }
        String value = EvalFunction.valueOf(channel, args[0]);
        int d = FilterFunction.decodeChar(args[1], 0, new int[1]);
        char delim = d < 0 ? '-' : (char) d;
        StringBuilder out = new StringBuilder();
        if (value.isEmpty()) return "";
        int pos = 0;            // start of the next unread field; -1 once all are read
        int fieldNum = 1;
        int outCount = 0;
        String spec = args[2];
        int specPos = 0;        // strsep over '&'; -1 once all ranges are read
        int[] range = new int[2];
        while (pos >= 0 && specPos >= 0) {
            int amp = spec.indexOf('&', specPos);
            String next = amp < 0 ? spec.substring(specPos) : spec.substring(specPos, amp);
            specPos = amp < 0 ? -1 : amp + 1;
            if (!parseRange(next, range)) {
                error("Usage: CUT(<varname>,<char-delim>,<range-spec>)");
                return null;
            }
            while (pos >= 0 && fieldNum < range[0]) {
                pos = nextField(value, pos, delim);
                fieldNum++;
            }
            if (fieldNum > range[0]) warn("We're already past the field you wanted?");
            while (pos >= 0 && fieldNum <= range[1]) {
                int end = delim == 0 ? -1 : value.indexOf(delim, pos);
                if (outCount++ > 0) out.append(delim);
                out.append(value, pos, end < 0 ? value.length() : end);
                pos = end < 0 ? -1 : end + 1;
                fieldNum++;
            }
        }
        return out.toString();
    }

    private static int nextField(String value, int pos, char delim) {
        int end = delim == 0 ? -1 : value.indexOf(delim, pos);
        return end < 0 ? -1 : end + 1;
    }

    /**
     * One range as func_cut.c reads it with sscanf: {@code %d-%d}, {@code -%d}, {@code %d%c}
     * with '-' (open end), or {@code %d}.
     */
    static boolean parseRange(String s, int[] range) {
        long[] num = new long[1];
        int a = scanInt(s, 0, num);
        int start = (int) num[0];
        boolean dashAfter = a >= 0 && a < s.length() && s.charAt(a) == '-';
        if (dashAfter && scanInt(s, a + 1, num) >= 0) {          // %d-%d
            range[0] = start;
            range[1] = (int) num[0];
            return true;
        }
        if (!s.isEmpty() && s.charAt(0) == '-' && scanInt(s, 1, num) >= 0) {   // -%d
            range[0] = 1;
            range[1] = (int) num[0];
            return true;
        }
        if (a < 0) return false;
        range[0] = start;
        range[1] = dashAfter ? Integer.MAX_VALUE : start;        // %d%c with '-', or %d
        return true;
    }

    /** {@code sscanf("%30d")} at {@code from}: the index after the number, or -1; value in num[0]. */
    static int scanInt(String s, int from, long[] num) {
        int i = from, n = s.length();
        while (i < n && FuncArgs.isSpace(s.charAt(i))) i++;
        boolean negative = false;
        int width = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
            width++;
        }
        int digitsAt = i;
        long v = 0;
        while (i < n && width < 30 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            if (v < Long.MAX_VALUE / 10) v = v * 10 + (s.charAt(i) - '0');
            else v = Long.MAX_VALUE;
            i++;
            width++;
        }
        if (i == digitsAt) return -1;
        num[0] = (int) (negative ? -v : v);
        return i;
    }
}
