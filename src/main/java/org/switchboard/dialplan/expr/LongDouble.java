package org.switchboard.dialplan.expr;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact software model of the x87 80-bit {@code long double} (64-bit significand,
 * 15-bit exponent) that Asterisk's expression parser computes with
 * ({@code FP___TYPE long double} in main/ast_expr2.y on x86-64 Linux).
 * Every operation rounds to nearest-even exactly as the FPU does, so results print the
 * same digits as Asterisk's {@code "%.18Lg"}.
 *
 * <p>Finite values are {@code (-1)^neg * mag * 2^exp} with {@code mag} odd or zero.
 * NaN keeps a sign because glibc prints the x87 "default NaN" as {@code -nan}.
 */
final class LongDouble {
    static final int FINITE = 0, INF = 1, NAN = 2;
    /** Binary exponent of the leading bit of the largest finite value. */
    static final long MAX_TOP = 16383;
    /** Exponent of the least significant bit of the smallest subnormal. */
    static final long MIN_LSB = -16445;

    static final LongDouble ZERO = new LongDouble(FINITE, false, BigInteger.ZERO, 0);
    static final LongDouble NEG_ZERO = new LongDouble(FINITE, true, BigInteger.ZERO, 0);
    static final LongDouble ONE = of(1);
    static final LongDouble INFINITY = new LongDouble(INF, false, BigInteger.ZERO, 0);
    static final LongDouble NEG_INFINITY = new LongDouble(INF, true, BigInteger.ZERO, 0);
    /** The x87 "real indefinite" produced by invalid operations: a negative quiet NaN. */
    static final LongDouble DEFAULT_NAN = new LongDouble(NAN, true, BigInteger.ZERO, 0);
    static final LongDouble POSITIVE_NAN = new LongDouble(NAN, false, BigInteger.ZERO, 0);
    /** QUAD_MIN of ast_expr2.y (LLONG_MIN), used by its overflow checks. */
    static final LongDouble QUAD_MIN = of(Long.MIN_VALUE);

    final int kind;
    final boolean neg;
    final BigInteger mag;
    final int exp;

    private LongDouble(int kind, boolean neg, BigInteger mag, int exp) {
        this.kind = kind;
        this.neg = neg;
        this.mag = mag;
        this.exp = exp;
    }

    private static final LongDouble[] SMALL = new LongDouble[256];

    static {
        for (int k = 1; k < SMALL.length; k++) {
            SMALL[k] = round(false, BigInteger.valueOf(k), 0, false);
        }
    }

    static LongDouble of(long v) {
        if (v == 0) {
            return ZERO;
        }
        if (v > 0 && v < 256 && SMALL != null && SMALL[(int) v] != null) {
            return SMALL[(int) v];
        }
        BigInteger m = BigInteger.valueOf(v);
        return round(v < 0, m.abs(), 0, false);
    }

    /** Rounds {@code (-1)^neg * (m + sticky) * 2^e} to 64 significant bits, nearest-even. */
    static LongDouble round(boolean neg, BigInteger m, long e, boolean sticky) {
        if (m.signum() == 0) {
            return neg ? NEG_ZERO : ZERO;
        }
        int bl = m.bitLength();
        long top = e + bl - 1;
        long lsb = Math.max(top - 63, MIN_LSB);
        long shift = lsb - e;
        if (shift > 0) {
            if (shift > bl + 1) {
                return neg ? NEG_ZERO : ZERO; // far below the smallest subnormal
            }
            int s = (int) shift;
            BigInteger kept = m.shiftRight(s);
            boolean half = m.testBit(s - 1);
            boolean rest = sticky || m.getLowestSetBit() < s - 1;
            if (half && (rest || kept.testBit(0))) {
                kept = kept.add(BigInteger.ONE);
            }
            m = kept;
            e = lsb;
            if (m.signum() == 0) {
                return neg ? NEG_ZERO : ZERO;
            }
        }
        int low = m.getLowestSetBit();
        if (low > 0) {
            m = m.shiftRight(low);
            e += low;
        }
        if (e + m.bitLength() - 1 > MAX_TOP) {
            return neg ? NEG_INFINITY : INFINITY;
        }
        return new LongDouble(FINITE, neg, m, (int) e);
    }

    /** Correctly rounded {@code num / den * 2^e2} (num, den positive). */
    static LongDouble fromRational(boolean neg, BigInteger num, BigInteger den, long e2) {
        if (num.signum() == 0) {
            return neg ? NEG_ZERO : ZERO;
        }
        int shift = Math.max(0, 66 + den.bitLength() - num.bitLength());
        BigInteger[] qr = num.shiftLeft(shift).divideAndRemainder(den);
        return round(neg, qr[0], e2 - shift, qr[1].signum() != 0);
    }

    /** Correctly rounded conversion of a decimal value. */
    static LongDouble fromBigDecimal(BigDecimal d) {
        boolean neg = d.signum() < 0;
        BigInteger u = d.unscaledValue().abs();
        int scale = d.scale();
        if (scale <= 0) {
            return round(neg, u.multiply(BigInteger.TEN.pow(-scale)), 0, false);
        }
        return fromRational(neg, u, BigInteger.TEN.pow(scale), 0);
    }

    /** Exact decimal value (finite only). */
    BigDecimal toBigDecimal() {
        BigDecimal r;
        if (exp >= 0) {
            r = new BigDecimal(mag.shiftLeft(exp));
        } else {
            r = new BigDecimal(mag.multiply(BigInteger.valueOf(5).pow(-exp)), -exp);
        }
        return neg ? r.negate() : r;
    }

    boolean isNaN() { return kind == NAN; }
    boolean isInfinite() { return kind == INF; }
    boolean isFinite() { return kind == FINITE; }
    boolean isZero() { return kind == FINITE && mag.signum() == 0; }

    /** Binary exponent of the leading bit (finite non-zero only). */
    long topExp() { return (long) exp + mag.bitLength() - 1; }

    boolean isInteger() { return kind == FINITE && (exp >= 0 || mag.signum() == 0); }

    LongDouble negate() { return new LongDouble(kind, !neg, mag, exp); }

    LongDouble abs() { return neg ? negate() : this; }

    LongDouble scaleByPowerOfTwo(long k) {
        return kind != FINITE || mag.signum() == 0 ? this : round(neg, mag, exp + k, false);
    }

    LongDouble add(LongDouble b) {
        LongDouble a = this;
        if (a.kind == NAN) return a;
        if (b.kind == NAN) return b;
        if (a.kind == INF) return b.kind == INF && a.neg != b.neg ? DEFAULT_NAN : a;
        if (b.kind == INF) return b;
        if (a.isZero()) return b.isZero() ? (a.neg && b.neg ? NEG_ZERO : ZERO) : b;
        if (b.isZero()) return a;
        if (a.topExp() < b.topExp()) {
            LongDouble t = a; a = b; b = t;
        }
        if (a.topExp() - b.topExp() > 70) {
            // b only decides the direction: any value far below half an ulp of a rounds alike
            b = new LongDouble(FINITE, b.neg, BigInteger.ONE, (int) (a.topExp() - 72));
        }
        int e = Math.min(a.exp, b.exp);
        BigInteger x = a.mag.shiftLeft(a.exp - e), y = b.mag.shiftLeft(b.exp - e);
        BigInteger s = (a.neg ? x.negate() : x).add(b.neg ? y.negate() : y);
        if (s.signum() == 0) return ZERO;
        return round(s.signum() < 0, s.abs(), e, false);
    }

    /** a - b; a NaN operand comes through unchanged (the x87 does not flip its sign). */
    LongDouble subtract(LongDouble b) {
        if (kind == NAN) return this;
        return b.kind == NAN ? b : add(b.negate());
    }

    LongDouble multiply(LongDouble b) {
        if (kind == NAN) return this;
        if (b.kind == NAN) return b;
        boolean n = neg != b.neg;
        if (kind == INF || b.kind == INF) {
            return isZero() || b.isZero() ? DEFAULT_NAN : (n ? NEG_INFINITY : INFINITY);
        }
        return round(n, mag.multiply(b.mag), (long) exp + b.exp, false);
    }

    LongDouble divide(LongDouble b) {
        if (kind == NAN) return this;
        if (b.kind == NAN) return b;
        boolean n = neg != b.neg;
        if (kind == INF) return b.kind == INF ? DEFAULT_NAN : (n ? NEG_INFINITY : INFINITY);
        if (b.kind == INF) return n ? NEG_ZERO : ZERO;
        if (b.isZero()) return isZero() ? DEFAULT_NAN : (n ? NEG_INFINITY : INFINITY);
        return fromRational(n, mag, b.mag, (long) exp - b.exp);
    }

    /** C fmodl: exact, sign of the dividend. */
    LongDouble fmod(LongDouble b) {
        if (kind == NAN) return this;
        if (b.kind == NAN) return b;
        if (kind == INF || b.isZero()) return DEFAULT_NAN;
        if (b.kind == INF || isZero()) return this;
        BigInteger r;
        int e;
        if (exp >= b.exp) {
            r = mag.multiply(BigInteger.TWO.modPow(BigInteger.valueOf((long) exp - b.exp), b.mag)).mod(b.mag);
            e = b.exp;
        } else {
            r = mag.mod(b.mag.shiftLeft(b.exp - exp));
            e = exp;
        }
        return round(neg, r, e, false);
    }

    /** C remainderl: exact IEEE remainder, quotient rounded half-even. */
    LongDouble remainder(LongDouble b) {
        if (kind == NAN) return this;
        if (b.kind == NAN) return b;
        if (kind == INF || b.isZero()) return DEFAULT_NAN;
        if (b.kind == INF || isZero()) return this;
        BigInteger big, r2;
        int e;
        if (exp >= b.exp) {
            big = b.mag;
            BigInteger two = big.shiftLeft(1);
            r2 = mag.multiply(BigInteger.TWO.modPow(BigInteger.valueOf((long) exp - b.exp), two)).mod(two);
            e = b.exp;
        } else {
            big = b.mag.shiftLeft(b.exp - exp);
            r2 = mag.mod(big.shiftLeft(1));
            e = exp;
        }
        boolean qOdd = r2.compareTo(big) >= 0;
        BigInteger r = qOdd ? r2.subtract(big) : r2;
        int c = r.shiftLeft(1).compareTo(big);
        if (c > 0 || (c == 0 && qOdd)) {
            r = r.subtract(big);
        }
        if (r.signum() == 0) return neg ? NEG_ZERO : ZERO;
        return round(neg != (r.signum() < 0), r.abs(), e, false);
    }

    /** Integer rounding; mode: 'f' floor, 'c' ceil, 't' trunc, 'r' half away (roundl), 'e' half even (rintl). */
    LongDouble toIntegral(char mode) {
        if (kind != FINITE || exp >= 0 || mag.signum() == 0) return this;
        int s = -exp;
        BigInteger ip = mag.shiftRight(s);
        boolean half = mag.testBit(s - 1);
        boolean rest = mag.getLowestSetBit() < s - 1;
        boolean up = switch (mode) {
            case 'f' -> neg;
            case 'c' -> !neg;
            case 'r' -> half;
            case 'e' -> half && (rest || ip.testBit(0));
            default -> false;
        };
        return round(neg, up ? ip.add(BigInteger.ONE) : ip, 0, false);
    }

    /** Three-way comparison for non-NaN values; -0 equals +0. */
    int compare(LongDouble b) {
        int sa = signum(), sb = b.signum();
        if (sa != sb) return Integer.compare(sa, sb);
        if (sa == 0) return 0;
        int m;
        if (kind == INF || b.kind == INF) {
            m = kind == b.kind ? 0 : (kind == INF ? 1 : -1);
        } else if (topExp() != b.topExp()) {
            m = Long.compare(topExp(), b.topExp());
        } else {
            int e = Math.min(exp, b.exp);
            m = mag.shiftLeft(exp - e).compareTo(b.mag.shiftLeft(b.exp - e));
        }
        return sa < 0 ? -m : m;
    }

    int signum() { return (kind == FINITE && mag.signum() == 0) ? 0 : (neg ? -1 : 1); }

    boolean eq(LongDouble b) { return !isNaN() && !b.isNaN() && compare(b) == 0; }
    boolean lt(LongDouble b) { return !isNaN() && !b.isNaN() && compare(b) < 0; }
    boolean gt(LongDouble b) { return !isNaN() && !b.isNaN() && compare(b) > 0; }
    boolean le(LongDouble b) { return !isNaN() && !b.isNaN() && compare(b) <= 0; }
    boolean ge(LongDouble b) { return !isNaN() && !b.isNaN() && compare(b) >= 0; }

    /** C truth value: non-zero (NaN counts as non-zero). */
    boolean isTrue() { return !isZero(); }

    @Override
    public String toString() {
        return LongDoubleText.format(this);
    }
}
