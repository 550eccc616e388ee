package org.switchboard.dialplan.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * High-precision elementary functions used to reproduce glibc's long double libm
 * ({@code cosl}, {@code expl}, {@code logl} ... called by ast_expr2.y). Results are computed
 * with about 60 significant digits and then rounded once to the 64-bit significand, which
 * gives the correctly rounded long double (glibc is within an ulp of that, usually equal).
 */
final class BigMath {
    static final int DIGITS = 60;
    static final MathContext MC = new MathContext(DIGITS, RoundingMode.HALF_EVEN);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static volatile BigDecimal piCache = BigDecimal.ZERO;
    private static final BigDecimal LN2 = atanhSeries(BigDecimal.ONE.divide(BigDecimal.valueOf(3), wide(20)), wide(20))
            .multiply(TWO).round(wide(20));
    private static final BigDecimal LN10 = lnOfPositive(LongDouble.of(10), wide(20));

    private BigMath() {
    }

    static MathContext wide(int extra) {
        return new MathContext(DIGITS + extra, RoundingMode.HALF_EVEN);
    }

    /** pi with at least {@code digits} significant digits (Machin's formula, cached). */
    static BigDecimal pi(int digits) {
        BigDecimal p = piCache;
        if (p.precision() >= digits + 5) {
            return p.round(new MathContext(digits + 5, RoundingMode.HALF_EVEN));
        }
        MathContext mc = new MathContext(digits + 15, RoundingMode.HALF_EVEN);
        BigDecimal a = atanInverse(5, mc).multiply(BigDecimal.valueOf(16));
        BigDecimal b = atanInverse(239, mc).multiply(BigDecimal.valueOf(4));
        p = a.subtract(b).round(mc);
        piCache = p;
        return p;
    }

    private static BigDecimal atanInverse(int n, MathContext mc) {
        BigDecimal x = BigDecimal.ONE.divide(BigDecimal.valueOf(n), mc);
        BigDecimal x2 = x.multiply(x, mc), term = x, sum = x;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
        for (int k = 1; term.abs().compareTo(eps) > 0; k++) {
            term = term.multiply(x2, mc).negate();
            sum = sum.add(term.divide(BigDecimal.valueOf(2L * k + 1), mc), mc);
        }
        return sum;
    }

    /** atanh(z) for |z| &lt;= 1/3 by its odd power series. */
    private static BigDecimal atanhSeries(BigDecimal z, MathContext mc) {
        BigDecimal z2 = z.multiply(z, mc), power = z, sum = z;
        for (int k = 3; k < 4000; k += 2) {
            power = power.multiply(z2, mc);
            BigDecimal t = power.divide(BigDecimal.valueOf(k), mc);
            if (t.signum() == 0 || t.abs().compareTo(sum.abs().movePointLeft(mc.getPrecision() + 2)) < 0) break;
            sum = sum.add(t, mc);
        }
        return sum;
    }

    static BigDecimal ln2() { return LN2; }

    static BigDecimal ln10() { return LN10; }

    /** Natural log of a finite positive value: x = f * 2^k with f in [0.75, 1.5). */
    static BigDecimal lnOfPositive(LongDouble x, MathContext mc) {
        long k = x.topExp();
        BigDecimal f = LongDouble.round(false, x.mag, x.exp - k, false).toBigDecimal(); // in [1, 2)
        if (f.compareTo(new BigDecimal("1.5")) >= 0) {
            k++;
            f = f.divide(TWO);
        }
        BigDecimal z = f.subtract(BigDecimal.ONE).divide(f.add(BigDecimal.ONE), mc);
        BigDecimal lnF = atanhSeries(z, mc).multiply(TWO);
        if (k == 0) return lnF.round(mc);
        return lnF.add(LN2.multiply(BigDecimal.valueOf(k)), mc); // LN2 is initialised before LN10 uses this
    }

    /** e^t rounded to long double; t must already be within the finite/underflow range. */
    static LongDouble exp(BigDecimal t) {
        if (t.signum() == 0) return LongDouble.ONE;
        MathContext mc = wide(10);
        BigInteger k = t.divide(LN2, MathContext.DECIMAL64).setScale(0, RoundingMode.HALF_EVEN).toBigInteger();
        BigDecimal r = t.subtract(LN2.multiply(new BigDecimal(k)), mc);
        BigDecimal term = BigDecimal.ONE, sum = BigDecimal.ONE;
        for (int i = 1; i < 200; i++) {
            term = term.multiply(r, mc).divide(BigDecimal.valueOf(i), mc);
            if (term.signum() == 0 || term.abs().compareTo(BigDecimal.ONE.movePointLeft(DIGITS + 12)) < 0) break;
            sum = sum.add(term, mc);
        }
        long kk = k.longValueExact();
        if (kk < -16300) {
            // subnormal range: round once, on the exact scaled value
            BigDecimal scaled = sum.multiply(new BigDecimal(BigInteger.valueOf(5).pow((int) -kk)), mc).scaleByPowerOfTen((int) kk);
            return LongDouble.fromBigDecimal(scaled);
        }
        return LongDouble.fromBigDecimal(sum.round(mc)).scaleByPowerOfTwo(kk);
    }

    /** sin and cos of r with |r| &lt;= pi/4 (Taylor series). */
    static BigDecimal[] sinCosSmall(BigDecimal r, MathContext mc) {
        BigDecimal r2 = r.multiply(r, mc);
        BigDecimal s = r, c = BigDecimal.ONE, ts = r, tc = BigDecimal.ONE;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 4);
        for (int i = 1; i < 400; i++) {
            ts = ts.multiply(r2, mc).divide(BigDecimal.valueOf((2L * i) * (2L * i + 1)), mc).negate();
            tc = tc.multiply(r2, mc).divide(BigDecimal.valueOf((2L * i - 1) * (2L * i)), mc).negate();
            s = s.add(ts, mc);
            c = c.add(tc, mc);
            if (tc.abs().compareTo(eps) < 0 && ts.abs().compareTo(eps.multiply(r.abs())) <= 0) break;
        }
        return new BigDecimal[] {s, c};
    }

    /**
     * Reduces x modulo pi/2: returns {r, q} with x = q*pi/2 + r, |r| &lt;= pi/4, q in 0..3.
     * Uses enough digits of pi for the magnitude of x (exact reduction, as glibc does).
     */
    static Object[] reduceHalfPi(BigDecimal x) {
        int intDigits = Math.max(0, x.precision() - x.scale());
        MathContext mc = new MathContext(DIGITS + 40 + intDigits, RoundingMode.HALF_EVEN);
        BigDecimal halfPi = pi(mc.getPrecision()).divide(TWO, mc);
        BigInteger q = x.divide(halfPi, mc).setScale(0, RoundingMode.HALF_EVEN).toBigInteger();
        BigDecimal r = x.subtract(halfPi.multiply(new BigDecimal(q), mc), mc);
        return new Object[] {r.round(wide(20)), q.mod(BigInteger.valueOf(4)).intValue()};
    }

    /** atan(y) for y &gt;= 0 (finite), by two argument halvings and the power series. */
    static BigDecimal atanNonNegative(BigDecimal y, MathContext mc) {
        if (y.signum() == 0) return BigDecimal.ZERO;
        boolean invert = y.compareTo(BigDecimal.ONE) > 0;
        if (invert) y = BigDecimal.ONE.divide(y, mc);
        for (int i = 0; i < 2; i++) {
            BigDecimal root = BigDecimal.ONE.add(y.multiply(y, mc), mc).sqrt(mc);
            y = y.divide(BigDecimal.ONE.add(root, mc), mc);
        }
        BigDecimal y2 = y.multiply(y, mc), power = y, sum = y;
        BigDecimal eps = y.abs().movePointLeft(mc.getPrecision() + 3);
        for (int k = 3; k < 4000; k += 2) {
            power = power.multiply(y2, mc).negate();
            BigDecimal t = power.divide(BigDecimal.valueOf(k), mc);
            sum = sum.add(t, mc);
            if (t.abs().compareTo(eps) < 0) break;
        }
        BigDecimal a = sum.multiply(BigDecimal.valueOf(4), mc);
        return invert ? pi(mc.getPrecision()).divide(TWO, mc).subtract(a, mc) : a;
    }
}
