package org.switchboard.dialplan.expr;

import java.util.List;

/**
 * The operators of Asterisk's expression language. Each method follows the documented
 * behaviour of the matching {@code op_*} routine of main/ast_expr2.y, including its quirks
 * (division by zero yields 2147483647, a non-numeric left operand of '+' yields the right one,
 * overflow checks that only warn). Warning texts are the ones Asterisk logs.
 */
final class Operators {
    private static final LongDouble INT_MAX = LongDouble.of(Integer.MAX_VALUE);
    private static final LongDouble MINUS_ONE = LongDouble.of(-1);
    private static final String NON_NUMERIC = "non-numeric argument";
    private static final String OVERFLOW = "overflow";

    private Operators() {
    }

    /** a | b: a unless a is empty or zero. */
    static Value or(Value a, Value b, List<String> w) {
        return a.isZeroOrNull(w) ? b : a;
    }

    /** a &amp; b: a unless either is empty or zero, then 0. */
    static Value and(Value a, Value b, List<String> w) {
        if (a.isZeroOrNull(w) || b.isZeroOrNull(w)) return Value.number(0);
        return a;
    }

    /** Comparison: string collation (C locale: byte order) if either side is a string, else numeric. */
    static Value compare(String op, Value a, Value b, List<String> w) {
        boolean r;
        if (a.isString() || b.isString()) {
            a.toStr();
            b.toStr();
            int c = compareBytes(a.text(), b.text());
            r = switch (op) {
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                default -> c >= 0;
            };
        } else {
            LongDouble x = a.numberOrZero(w), y = b.numberOrZero(w);
            r = switch (op) {
                case "=" -> x.eq(y);
                case "!=" -> !x.eq(y);
                case "<" -> x.lt(y);
                case ">" -> x.gt(y);
                case "<=" -> x.le(y);
                default -> x.ge(y);
            };
        }
        return Value.number(r ? 1 : 0);
    }

    /** strcmp order of the UTF-8 bytes == code point order. */
    static int compareBytes(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** a ? b :: c — strings are false when empty, "0" or the two characters "". */
    static Value cond(Value a, Value b, Value c, List<String> w) {
        if (a.isString()) {
            String s = a.text();
            return !s.isEmpty() && !s.equals("\"\"") && !s.equals("0") ? b : c;
        }
        return a.numberOrZero(w).isTrue() ? b : c;
    }

    static Value plus(Value a, Value b, List<String> w) {
        if (!a.toNumber(w)) {
            w.add(NON_NUMERIC);
            return b.toNumber(w) ? b : Value.number(0);
        }
        if (!b.toNumber(w)) return a; // no warning in this branch, as in op_plus
        LongDouble r = a.n.add(b.n);
        if (chkPlus(a.n, b.n, r)) w.add(OVERFLOW);
        return Value.number(r);
    }

    static Value minus(Value a, Value b, List<String> w) {
        if (!a.toNumber(w)) {
            w.add(NON_NUMERIC);
            return b.toNumber(w) ? Value.number(LongDouble.ZERO.subtract(b.n)) : Value.number(0);
        }
        if (!b.toNumber(w)) {
            w.add(NON_NUMERIC);
            return a;
        }
        LongDouble r = a.n.subtract(b.n);
        if (chkMinus(a.n, b.n, r)) w.add(OVERFLOW);
        return Value.number(r);
    }

    static Value negate(Value a, List<String> w) {
        if (!a.toNumber(w)) {
            w.add(NON_NUMERIC);
            return Value.number(0);
        }
        LongDouble r = a.n.negate();
        if (chkMinus(LongDouble.ZERO, a.n, r)) w.add(OVERFLOW);
        return Value.number(r);
    }

    /** !a: 1 for empty, "0" or anything atoi() reads as 0 (so !abc is 1), else 0. */
    static Value complement(Value a) {
        boolean v1;
        if (a.type == Value.Type.NUMBER) {
            v1 = !a.n.isZero();
        } else {
            String s = a.s;
            v1 = s != null && !s.isEmpty() && !s.equals("0") && atoi(s) != 0;
        }
        return Value.number(v1 ? 0 : 1);
    }

    /** glibc atoi: (int) strtol(s, NULL, 10), strtol clamping to the long range. */
    static int atoi(String s) {
        int i = 0, n = s.length();
        while (i < n && LongDoubleText.isCSpace(s.charAt(i))) i++;
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) neg = s.charAt(i++) == '-';
        long v = 0;
        boolean clamped = false;
        for (; i < n && LongDoubleText.isDigit(s.charAt(i)); i++) {
            int d = s.charAt(i) - '0';
            if (!clamped && v > (Long.MAX_VALUE - d) / 10) clamped = true;
            if (!clamped) v = v * 10 + d;
        }
        long r = clamped ? (neg ? Long.MIN_VALUE : Long.MAX_VALUE) : (neg ? -v : v);
        return (int) r;
    }

    static Value times(Value a, Value b, List<String> w) {
        if (!a.toNumber(w) || !b.toNumber(w)) {
            w.add(NON_NUMERIC);
            return Value.number(0);
        }
        LongDouble r = a.n.multiply(b.n);
        // chk_times: "r / a != b" (a == 0 never overflows)
        if (!a.n.isZero() && !r.divide(a.n).eq(b.n)) w.add(OVERFLOW);
        return Value.number(r);
    }

    static Value divide(Value a, Value b, List<String> w) {
        if (!a.toNumber(w)) {
            w.add(NON_NUMERIC);
            return Value.number(0);
        }
        if (!b.toNumber(w)) {
            w.add(NON_NUMERIC);
            return Value.number(INT_MAX);
        }
        if (b.n.isZero()) {
            w.add("division by zero");
            return Value.number(INT_MAX);
        }
        LongDouble r = a.n.divide(b.n);
        if (a.n.eq(LongDouble.QUAD_MIN) && b.n.eq(MINUS_ONE)) w.add(OVERFLOW);
        return Value.number(r);
    }

    /** a % b: fmodl; a zero divisor warns "div by zero" and yields the (converted) divisor. */
    static Value remainder(Value a, Value b, List<String> w) {
        if (!a.toNumber(w) || !b.toNumber(w)) {
            w.add(NON_NUMERIC);
            return Value.number(0);
        }
        if (b.n.isZero()) {
            w.add("div by zero");
            return b;
        }
        return Value.number(a.n.fmod(b.n));
    }

    /** a ~~ b: concatenation of both, as strings with double quotes removed. */
    static Value concat(Value a, Value b) {
        a.toStr();
        b.toStr();
        a.stripQuotes();
        b.stripQuotes();
        return Value.makeStr(a.text() + b.text());
    }

    private static boolean chkPlus(LongDouble a, LongDouble b, LongDouble r) {
        if (a.gt(LongDouble.ZERO) && b.gt(LongDouble.ZERO) && r.le(LongDouble.ZERO)) return true;
        return a.lt(LongDouble.ZERO) && b.lt(LongDouble.ZERO) && r.ge(LongDouble.ZERO);
    }

    private static boolean chkMinus(LongDouble a, LongDouble b, LongDouble r) {
        if (b.eq(LongDouble.QUAD_MIN)) return a.ge(LongDouble.ZERO);
        return chkPlus(a, b.negate(), r);
    }
}
