package org.switchboard.dialplan.expr;

/**
 * The dialplan's commonest expressions, {@code ${i} + 1} and {@code ${i} < 10}, computed with
 * longs without tokenizing. Only the exact shape {@code INT op INT} (operands of 1 to 18 digits
 * without leading zeros, the operator between spaces) is taken; anything else returns null and
 * goes through the full parser. On that shape Asterisk's long double arithmetic is exact and
 * prints as a plain integer, so the results are the same.
 */
final class IntegerFastPath {
    private static final long LIMIT = 1_000_000_000_000_000_000L; // 10^18: %.18Lg still prints digits

    private IntegerFastPath() {}

    static String tryEvaluate(String s) {
        int n = s.length();
        int i = skipSpaces(s, 0, n);
        int aStart = i;
        i = skipDigits(s, i, n);
        int aEnd = i;
        if (!validNumber(s, aStart, aEnd) || i >= n || s.charAt(i) != ' ') return null;
        i = skipSpaces(s, i, n);
        int opStart = i;
        while (i < n && s.charAt(i) != ' ') i++;
        int opEnd = i;
        if (i >= n) return null;
        i = skipSpaces(s, i, n);
        int bStart = i;
        i = skipDigits(s, i, n);
        int bEnd = i;
        if (!validNumber(s, bStart, bEnd) || skipSpaces(s, i, n) != n) return null;
        long a = parse(s, aStart, aEnd);
        long b = parse(s, bStart, bEnd);
        String op = s.substring(opStart, opEnd);
        return switch (op) {
            case "+" -> number(a + b);
            case "-" -> number(a - b);
            case "*" -> {
                long r;
                try {
                    r = Math.multiplyExact(a, b);
                } catch (ArithmeticException e) {
                    yield null;
                }
                yield number(r);
            }
            case "<" -> a < b ? "1" : "0";
            case ">" -> a > b ? "1" : "0";
            case "<=" -> a <= b ? "1" : "0";
            case ">=" -> a >= b ? "1" : "0";
            case "=" -> a == b ? "1" : "0";
            case "!=" -> a != b ? "1" : "0";
            default -> null;
        };
    }

    private static String number(long r) { return r > -LIMIT && r < LIMIT ? Long.toString(r) : null; }

    private static boolean validNumber(String s, int start, int end) {
        int len = end - start;
        return len >= 1 && len <= 18 && (len == 1 || s.charAt(start) != '0');
    }

    private static long parse(String s, int start, int end) {
        long v = 0;
        for (int i = start; i < end; i++) v = v * 10 + (s.charAt(i) - '0');
        return v;
    }

    private static int skipSpaces(String s, int i, int n) {
        while (i < n && s.charAt(i) == ' ') i++;
        return i;
    }

    private static int skipDigits(String s, int i, int n) {
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        return i;
    }
}
