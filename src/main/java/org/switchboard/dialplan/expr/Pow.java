package org.switchboard.dialplan.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** powl(x, y) as glibc answers it: C99 Annex F special cases, exact integral powers. */
final class Pow {
    private Pow() {
    }

    static LongDouble pow(LongDouble x, LongDouble y) {
        if (y.isZero() || x.eq(LongDouble.ONE)) return LongDouble.ONE;
        if (x.isNaN()) return x;
        if (y.isNaN()) return y;
        boolean yInt = y.isInteger();
        boolean yOdd = y.isFinite() && y.exp == 0 && y.mag.testBit(0);
        if (y.isInfinite()) {
            int c = x.abs().compare(LongDouble.ONE);
            if (c == 0) return LongDouble.ONE;
            return (c < 0) == y.neg ? LongDouble.INFINITY : LongDouble.ZERO;
        }
        if (x.isInfinite() || x.isZero()) {
            boolean big = x.isInfinite() != y.neg; // inf^positive or 0^negative
            boolean n = x.neg && yOdd;
            if (big) return n ? LongDouble.NEG_INFINITY : LongDouble.INFINITY;
            return n ? LongDouble.NEG_ZERO : LongDouble.ZERO;
        }
        if (x.neg && !yInt) return LongDouble.DEFAULT_NAN;
        boolean neg = x.neg && yOdd;
        LongDouble ax = x.abs();
        LongDouble r = yInt && y.topExp() < 13 ? integral(ax, y) : general(ax, y);
        return neg ? r.negate() : r;
    }

    /** |x|^n for an integral n with |n| &lt; 8192, computed exactly and rounded once. */
    private static LongDouble integral(LongDouble ax, LongDouble y) {
        int n = y.mag.intValueExact(); // y.exp == 0 or small shift: y is an integer below 2^13
        n <<= y.exp;
        double log2 = (double) n * (ax.topExp() + 0.5);
        if (!y.neg && log2 > 16400) return LongDouble.INFINITY;
        if (y.neg && log2 > 16500) return LongDouble.ZERO;
        BigInteger m = ax.mag.pow(n);
        long e = (long) ax.exp * n;
        if (!y.neg) return LongDouble.round(false, m, e, false);
        return LongDouble.fromRational(false, BigInteger.ONE, m, -e);
    }

    /** exp(y * ln|x|) with enough digits for the size of the exponent. */
    private static LongDouble general(LongDouble ax, LongDouble y) {
        double estimate = Math.abs(ax.topExp() + 0.5) * Math.pow(2, Math.min(y.topExp(), 1000) + 1);
        if (ax.topExp() != 0 && ax.topExp() != -1 && estimate > 1e6) {
            boolean grows = (ax.topExp() >= 0) != y.neg; // |x| > 1 and y > 0, or |x| < 1 and y < 0
            return grows ? LongDouble.INFINITY : LongDouble.ZERO;
        }
        MathContext mc = BigMath.wide(30);
        BigDecimal ln = BigMath.lnOfPositive(ax, mc);
        BigDecimal t = y.toBigDecimal().multiply(ln, mc);
        return MathFunctions.expChecked(t);
    }
}
