package org.switchboard.dialplan;

/**
 * The {@code :offset[:length]} part of {@code ${VAR:offset:length}}, read and applied the way
 * Asterisk's parse_variable_name and ast_str_substring (main/pbx_variables.c) do.
 *
 * <p>The numbers are read as {@code sscanf(spec, "%30d:%30d")} reads them: leading blanks are
 * skipped, a sign is allowed, at most 30 characters form a number, and whatever fails to parse
 * keeps its default (offset 0, length unlimited). So {@code ${X::3}} is all of X (the first
 * number is missing, so sscanf stops before reaching the length), and {@code ${X:a}} is X too.
 * Offsets and lengths count Java characters where Asterisk counts bytes.
 */
final class SubstitutionSlice {
    private SubstitutionSlice() {}

    /** Appends the slice of {@code value} described by {@code spec} from index {@code from}. */
    static void append(String value, String spec, int from, StringBuilder out) {
        long[] num = new long[2];
        int offset = 0;
        int length = Integer.MAX_VALUE;
        int after = scanInt(spec, from, num);
        if (after >= 0) {
            offset = (int) num[0];
            if (after < spec.length() && spec.charAt(after) == ':' && scanInt(spec, after + 1, num) >= 0) {
                length = (int) num[0];
            }
        }
        int lr = value.length();
        if (offset == 0 && length >= lr) {
            out.append(value);
            return;
        }
        if (offset < 0) {
            offset = Math.max(0, lr + offset);
        }
        if (offset >= lr) return;
        int remaining = lr - offset;
        if (length >= 0) {
            out.append(value, offset, offset + Math.min(length, remaining));
        } else if (remaining > -(long) length) {
            out.append(value, offset, offset + remaining + length);
        }
    }

    /**
     * Reads one {@code %30d} at {@code from}; stores the value, converted to int as glibc does
     * (through a long, keeping the low 32 bits), in {@code num[0]}.
     *
     * @return the index after the number, or -1 when there is none
     */
    static int scanInt(String s, int from, long[] num) {
        int i = from, n = s.length();
        while (i < n && isSpace(s.charAt(i))) i++;
        int width = 0;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
            width++;
        }
        long v = 0;
        boolean overflow = false;
        int digits = 0;
        while (i < n && width < 30) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') break;
            int d = c - '0';
            if (!overflow) {
                if (v > (Long.MAX_VALUE - d) / 10) overflow = true;
                else v = v * 10 + d;
            }
            digits++;
            width++;
            i++;
        }
        if (digits == 0) return -1;
        long value = overflow ? (negative ? Long.MIN_VALUE : Long.MAX_VALUE) : (negative ? -v : v);
        num[0] = (int) value;
        return i;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
