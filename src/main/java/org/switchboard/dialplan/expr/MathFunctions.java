package org.switchboard.dialplan.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.Set;

/**
 * The math functions built into the expression parser (op_func in main/ast_expr2.y):
 * COS SIN TAN ACOS ASIN ATAN ATAN2 POW SQRT FLOOR CEIL ROUND RINT TRUNC EXP EXP2 EXP10
 * LOG LOG2 LOG10 REMAINDER ABS, evaluated like glibc's long double libm on x86-64
 * (C99 Annex F special cases; invalid operations give the x87 default NaN "-nan",
 * except the log and asin/acos domain errors which glibc answers with "nan").
 */
final class MathFunctions {
    static final Set<String> NAMES = Set.of("COS", "SIN", "TAN", "ACOS", "ASIN", "ATAN", "ATAN2", "POW",
            "SQRT", "FLOOR", "CEIL", "ROUND", "RINT", "TRUNC", "EXP", "EXP2", "EXP10", "LOG", "LOG2", "LOG10",
            "REMAINDER", "ABS");
    private static final BigInteger TEN = BigInteger.TEN;
    /** ln of the largest long double, and of half the smallest subnormal. */
    private static final BigDecimal EXP_MAX = new BigDecimal("11356.5234062941439488");
    private static final BigDecimal EXP_MIN = new BigDecimal("-11400.5");

    private MathFunctions() {
    }

    static boolean isMath(String name) {
        return NAMES.contains(name);
    }

    /** Applies a built-in; a wrong argument count warns and yields 0, as op_func does. */
    static Value call(String name, List<Value> args, List<String> w) {
        boolean binary = name.equals("ATAN2") || name.equals("POW") || name.equals("REMAINDER");
        if (args.size() != (binary ? 2 : 1)) {
            w.add("Wrong args to " + name + "() function");
            return Value.number(0);
        }
        LongDouble x = args.get(0).numberOrZero(w);
        LongDouble y = binary ? args.get(1).numberOrZero(w) : null;
        return Value.number(apply(name, x, y));
    }

    static LongDouble apply(String name, LongDouble x, LongDouble y) {
        return switch (name) {
            case "FLOOR" -> x.toIntegral('f');
            case "CEIL" -> x.toIntegral('c');
            case "TRUNC" -> x.toIntegral('t');
            case "ROUND" -> x.toIntegral('r');
            case "RINT" -> x.toIntegral('e');
            case "ABS" -> x.lt(LongDouble.ZERO) ? x.multiply(LongDouble.of(-1)) : x;
            case "REMAINDER" -> x.remainder(y);
            case "SQRT" -> sqrt(x);
            case "EXP" -> expOf(x, null);
            case "EXP2" -> expOf(x, BigMath.ln2());
            case "EXP10" -> expOf(x, BigMath.ln10());
            case "LOG", "LOG2", "LOG10" -> log(name, x);
            case "SIN", "COS", "TAN" -> trig(name, x);
            case "ATAN" -> x.isNaN() || x.isZero() ? x : atan2(x, LongDouble.ONE);
            case "ASIN", "ACOS" -> arcSinCos(name, x);
            case "ATAN2" -> atan2(x, y);
            case "POW" -> Pow.pow(x, y);
            default -> LongDouble.ZERO;
        };
    }

    /** Correctly rounded square root via the integer square root. */
    static LongDouble sqrt(LongDouble x) {
        if (x.isNaN() || x.isZero()) return x;
        if (x.neg) return LongDouble.DEFAULT_NAN;
        if (x.isInfinite()) return x;
        long s = Math.max(0, 132 - x.mag.bitLength());
        if (((x.exp - s) & 1) != 0) s++;
        BigInteger m = x.mag.shiftLeft((int) s);
        BigInteger r = m.sqrt();
        return LongDouble.round(false, r, (x.exp - s) / 2, !r.multiply(r).equals(m));
    }

    /** e^x, 2^x (ln2) or 10^x (ln10). Integral 2^k and 10^k are exact. */
    static LongDouble expOf(LongDouble x, BigDecimal lnBase) {
        if (x.isNaN()) return x;
        if (x.isInfinite()) return x.neg ? LongDouble.ZERO : x;
        if (x.isZero()) return LongDouble.ONE;
        if (lnBase != null && x.isInteger() && x.topExp() < 20) {
            long k = x.toBigDecimal().longValueExact();
            if (lnBase == BigMath.ln2()) return k > 20000 ? LongDouble.INFINITY : LongDouble.ONE.scaleByPowerOfTwo(Math.max(k, -20000));
            if (Math.abs(k) <= 5000) {
                return k >= 0 ? LongDouble.fromBigDecimal(new BigDecimal(TEN.pow((int) k)))
                        : LongDouble.fromRational(false, BigInteger.ONE, TEN.pow((int) -k), 0);
            }
        }
        if (x.topExp() > 20) return x.neg ? LongDouble.ZERO : LongDouble.INFINITY;
        MathContext mc = BigMath.wide(10);
        BigDecimal t = x.toBigDecimal();
        if (lnBase != null) t = t.multiply(lnBase, mc);
        return expChecked(t);
    }

    static LongDouble expChecked(BigDecimal t) {
        if (t.compareTo(EXP_MAX) > 0) return LongDouble.INFINITY;
        if (t.compareTo(EXP_MIN) < 0) return LongDouble.ZERO;
        if (t.abs().compareTo(BigDecimal.ONE.movePointLeft(40)) < 0) {
            return LongDouble.fromBigDecimal(BigDecimal.ONE.add(t, BigMath.wide(10)));
        }
        return BigMath.exp(t);
    }

    static LongDouble log(String name, LongDouble x) {
        if (x.isNaN()) return x;
        if (x.isZero()) return LongDouble.NEG_INFINITY;
        if (x.neg) return LongDouble.POSITIVE_NAN;
        if (x.isInfinite()) return x;
        if (name.equals("LOG2") && x.mag.equals(BigInteger.ONE)) return LongDouble.of(x.exp);
        MathContext mc = BigMath.wide(20);
        BigDecimal ln = BigMath.lnOfPositive(x, mc);
        return switch (name) {
            case "LOG2" -> LongDouble.fromBigDecimal(ln.divide(BigMath.ln2(), mc));
            case "LOG10" -> LongDouble.fromBigDecimal(ln.divide(BigMath.ln10(), mc));
            default -> LongDouble.fromBigDecimal(ln);
        };
    }

    static LongDouble trig(String name, LongDouble x) {
        if (x.isNaN()) return x;
        if (x.isInfinite()) return LongDouble.DEFAULT_NAN;
        if (x.isZero()) return name.equals("COS") ? LongDouble.ONE : x;
        if (x.topExp() < -70) {
            // below 2^-70 the cubic term is far under half an ulp
            return name.equals("COS") ? LongDouble.ONE : x;
        }
        Object[] red = BigMath.reduceHalfPi(x.toBigDecimal());
        BigDecimal r = (BigDecimal) red[0];
        int q = (Integer) red[1];
        MathContext mc = BigMath.wide(20);
        BigDecimal[] sc = BigMath.sinCosSmall(r, mc);
        BigDecimal s = sc[0], c = sc[1], res;
        switch (name) {
            case "SIN" -> res = switch (q) { case 0 -> s; case 1 -> c; case 2 -> s.negate(); default -> c.negate(); };
            case "COS" -> res = switch (q) { case 0 -> c; case 1 -> s.negate(); case 2 -> c.negate(); default -> s; };
            default -> res = (q & 1) == 0 ? s.divide(c, mc) : c.negate().divide(s, mc);
        }
        return LongDouble.fromBigDecimal(res.round(BigMath.MC));
    }

    static LongDouble arcSinCos(String name, LongDouble x) {
        if (x.isNaN()) return x;
        int c = x.abs().compare(LongDouble.ONE);
        if (c > 0) return LongDouble.POSITIVE_NAN;
        MathContext mc = BigMath.wide(20);
        BigDecimal halfPi = BigMath.pi(mc.getPrecision()).divide(BigDecimal.valueOf(2), mc);
        if (name.equals("ASIN")) {
            if (x.isZero() || x.topExp() < -40) return x;
            if (c == 0) return LongDouble.fromBigDecimal(x.neg ? halfPi.negate() : halfPi);
            BigDecimal v = x.toBigDecimal();
            BigDecimal t = v.abs().divide(BigDecimal.ONE.subtract(v.multiply(v)).sqrt(mc), mc);
            BigDecimal a = BigMath.atanNonNegative(t, mc);
            return LongDouble.fromBigDecimal(x.neg ? a.negate() : a);
        }
        // acos(x) = 2 atan(sqrt((1-x)/(1+x)))
        if (c == 0 && !x.neg) return LongDouble.ZERO;
        if (c == 0) return LongDouble.fromBigDecimal(halfPi.multiply(BigDecimal.valueOf(2), mc));
        BigDecimal v = x.toBigDecimal();
        BigDecimal t = BigDecimal.ONE.subtract(v).divide(BigDecimal.ONE.add(v), mc).sqrt(mc);
        return LongDouble.fromBigDecimal(BigMath.atanNonNegative(t, mc).multiply(BigDecimal.valueOf(2), mc));
    }

    /** atan2l(y, x) with the C99 Annex F special cases. */
    static LongDouble atan2(LongDouble y, LongDouble x) {
        if (y.isNaN()) return y;
        if (x.isNaN()) return x;
        MathContext mc = BigMath.wide(20);
        BigDecimal pi = BigMath.pi(mc.getPrecision());
        BigDecimal r;
        if (y.isZero()) {
            if (!x.neg) return y;
            r = pi;
        } else if (x.isZero()) {
            r = pi.divide(BigDecimal.valueOf(2), mc);
        } else if (y.isInfinite()) {
            r = !x.isInfinite() ? pi.divide(BigDecimal.valueOf(2), mc)
                    : pi.multiply(BigDecimal.valueOf(x.neg ? 3 : 1)).divide(BigDecimal.valueOf(4), mc);
        } else if (x.isInfinite()) {
            if (!x.neg) return y.neg ? LongDouble.NEG_ZERO : LongDouble.ZERO;
            r = pi;
        } else {
            long gap = y.topExp() - x.topExp();
            if (gap < -80 && !x.neg) {
                return LongDouble.fromRational(y.neg, y.mag, x.mag, (long) y.exp - x.exp); // atan(t) ~ t
            }
            BigDecimal t = gap > 80 ? null : y.abs().toBigDecimal().divide(x.abs().toBigDecimal(), mc);
            r = t == null ? pi.divide(BigDecimal.valueOf(2), mc) : BigMath.atanNonNegative(t, mc);
            if (t != null && gap < -80) r = t;
            if (x.neg) r = pi.subtract(r, mc);
        }
        return LongDouble.fromBigDecimal((y.neg ? r.negate() : r).round(BigMath.MC));
    }
}
