package org.switchboard.dialplan.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Text conversions of {@link LongDouble} as glibc does them for Asterisk:
 * {@code strtold} (FUNC_STRTOD in ast_expr2.y) and {@code printf("%.18Lg")} (FP___PRINTF).
 */
final class LongDoubleText {
    private static final int PRECISION = 18; // "%.18Lg"
    private static final MathContext MC18 = new MathContext(PRECISION, RoundingMode.HALF_EVEN);
    private static final long TEN_18 = 1_000_000_000_000_000_000L;
    /** Beyond this many significant digits the tail only matters as a sticky digit. */
    private static final int MAX_DIGITS = 6000;

    private LongDoubleText() {
    }

    /** Result of strtold: the value and whether errno would be ERANGE. */
    record Parsed(LongDouble value, boolean range) {
    }

    /**
     * glibc strtold restricted to what ast_expr2 ever hands it: optional white space,
     * optional sign, digits with an optional decimal point. Parsing stops at the first
     * other character; no digits at all gives +0 (no conversion).
     */
    static Parsed strtold(String s) {
        int len = s.length();
        if (len > 0 && len <= 18) {
            long v = 0; // fast path: a plain run of at most 18 digits is exact
            int k = 0;
            while (k < len && isDigit(s.charAt(k))) v = v * 10 + (s.charAt(k++) - '0');
            if (k == len) return new Parsed(LongDouble.of(v), false);
        }
        int i = 0, n = s.length();
        while (i < n && isCSpace(s.charAt(i))) i++;
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        StringBuilder dig = new StringBuilder();
        long pow10 = 0;
        boolean any = false, sticky = false, frac = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.' && !frac) {
                frac = true;
                continue;
            }
            if (!isDigit(c)) break;
            any = true;
            if (dig.length() == 0 && c == '0') {
                if (frac) pow10--;
            } else if (dig.length() < MAX_DIGITS) {
                dig.append(c);
                if (frac) pow10--;
            } else {
                if (!frac) pow10++;
                sticky |= c != '0';
            }
        }
        if (!any) {
            return new Parsed(LongDouble.ZERO, false); // no conversion performed
        }
        if (dig.length() == 0) {
            return new Parsed(neg ? LongDouble.NEG_ZERO : LongDouble.ZERO, false);
        }
        if (sticky) {
            dig.append('1');
            pow10--;
        }
        long magnitude = dig.length() + pow10; // decimal digits before the point
        if (magnitude > 4940) {
            return new Parsed(neg ? LongDouble.NEG_INFINITY : LongDouble.INFINITY, true);
        }
        if (magnitude < -4960) {
            return new Parsed(neg ? LongDouble.NEG_ZERO : LongDouble.ZERO, true);
        }
        BigDecimal exact = new BigDecimal(new BigInteger(dig.toString()), (int) -pow10);
        LongDouble v = LongDouble.fromBigDecimal(exact);
        boolean range = v.isInfinite() || v.isZero()
                || (v.topExp() < -16382 && v.toBigDecimal().compareTo(exact) != 0);
        return new Parsed(neg ? v.negate() : v, range);
    }

    /** C isspace in the C locale. */
    static boolean isCSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** printf("%.18Lg", v) as glibc prints it (round half even on the exact binary value). */
    static String format(LongDouble v) {
        if (v.isNaN()) return v.neg ? "-nan" : "nan";
        if (v.isInfinite()) return v.neg ? "-inf" : "inf";
        if (v.isZero()) return v.neg ? "-0" : "0";
        String sign = v.neg ? "-" : "";
        if (v.exp >= 0 && v.topExp() < 62) {
            long x = v.mag.longValue() << v.exp;
            if (x < TEN_18) return sign + x; // fast path: fits in 18 digits exactly
        }
        BigDecimal r = v.toBigDecimal().abs().round(MC18);
        int x10 = r.precision() - r.scale() - 1; // decimal exponent after rounding
        String d = r.unscaledValue().toString();
        int end = d.length();
        while (end > 1 && d.charAt(end - 1) == '0') end--;
        d = d.substring(0, end);
        StringBuilder sb = new StringBuilder(sign);
        if (x10 < -4 || x10 >= PRECISION) {
            sb.append(d.charAt(0));
            if (d.length() > 1) sb.append('.').append(d, 1, d.length());
            sb.append('e').append(x10 < 0 ? '-' : '+');
            int ax = Math.abs(x10);
            if (ax < 10) sb.append('0');
            sb.append(ax);
        } else if (x10 >= 0) {
            if (d.length() <= x10 + 1) {
                sb.append(d).append("0".repeat(x10 + 1 - d.length()));
            } else {
                sb.append(d, 0, x10 + 1).append('.').append(d, x10 + 1, d.length());
            }
        } else {
            sb.append("0.").append("0".repeat(-x10 - 1)).append(d);
        }
        return sb.toString();
    }
}
