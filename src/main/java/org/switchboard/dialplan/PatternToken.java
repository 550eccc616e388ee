package org.switchboard.dialplan;

import java.util.Arrays;
import java.util.BitSet;

/**
 * One position of an extension pattern (the part after the leading {@code _}): a character class
 * (a literal character, {@code X}/{@code Z}/{@code N}, or a {@code [...]} set), the wildcards
 * {@code .} and {@code !}, or one of the oddities Asterisk tolerates: an empty set {@code []} and a
 * set whose only ranges are reversed ({@code [9-0]}, no members).
 *
 * <p>Ordering follows Asterisk's documented sort ("Order of Pattern Matching", docs.asterisk.org
 * Configuration/Dialplan/Pattern-Matching) as implemented by {@code ext_cmp_pattern_pos} in
 * {@code main/pbx.c}: a class with fewer members comes first; with equal sizes the smaller first
 * character (as written) comes first; with equal first characters, the set holding the lowest
 * character that only one of them holds comes first. Then {@code .}, then {@code !}, then the end
 * of the pattern. Empty and memberless sets are skipped by the ordering. Package-private.
 */
final class PatternToken {
    static final int CLASS = 0;
    static final int DOT = 1;
    static final int BANG = 2;
    /** {@code []}: skipped while data remains, but a pattern stopped on it is only a partial match. */
    static final int EMPTY = 3;
    /** A set with text but no member ({@code [9-0]}): never accepts a character. */
    static final int DEAD = 4;
    /** An unclosed {@code [} — only produced when reading dialled text as a pattern (lenient mode). */
    static final int ERROR = 5;

    static final PatternToken DOT_TOKEN = new PatternToken(DOT, 0, 0, 0L, 0L, null);
    static final PatternToken BANG_TOKEN = new PatternToken(BANG, 0, 0, 0L, 0L, null);
    static final PatternToken EMPTY_TOKEN = new PatternToken(EMPTY, 0, 0, 0L, 0L, null);
    static final PatternToken DEAD_TOKEN = new PatternToken(DEAD, 0, 0, 0L, 0L, null);
    static final PatternToken ERROR_TOKEN = new PatternToken(ERROR, 0, 0, 0L, 0L, null);

    private static final PatternToken[] SINGLE_ASCII = new PatternToken[128];
    static final PatternToken DIGITS_X = ofRange('0', '9', '0');
    static final PatternToken DIGITS_Z = ofRange('1', '9', '1');
    static final PatternToken DIGITS_N = ofRange('2', '9', '2');

    static {
        for (int c = 0; c < 128; c++) SINGLE_ASCII[c] = ofRange(c, c, c);
    }

    final int kind;
    /** CLASS: number of distinct members. */
    final int count;
    /** CLASS: the smallest first character of any element as written (Asterisk's {@code cmin}). */
    final int cmin;
    /** CLASS: membership of characters 0..63 and 64..127. */
    private final long lo;
    private final long hi;
    /** CLASS: sorted, disjoint, inclusive [from, to] pairs of all members (ASCII and beyond). */
    private final int[] ranges;

    private PatternToken(int kind, int count, int cmin, long lo, long hi, int[] ranges) {
        this.kind = kind;
        this.count = count;
        this.cmin = cmin;
        this.lo = lo;
        this.hi = hi;
        this.ranges = ranges;
    }

    private static PatternToken ofRange(int from, int to, int cmin) {
        BitSet b = new BitSet();
        b.set(from, to + 1);
        return ofMembers(b, cmin);
    }

    static PatternToken literal(char c) {
        return c < 128 ? SINGLE_ASCII[c] : ofRange(c, c, c);
    }

    private static PatternToken ofMembers(BitSet members, int cmin) {
        int count = members.cardinality();
        if (count == 0) return DEAD_TOKEN;
        long lo = 0, hi = 0;
        int n = 0;
        int[] r = new int[8];
        for (int from = members.nextSetBit(0); from >= 0; ) {
            int to = members.nextClearBit(from) - 1;
            if (n + 2 > r.length) r = Arrays.copyOf(r, r.length * 2);
            r[n++] = from;
            r[n++] = to;
            for (int c = from; c <= Math.min(to, 127); c++) {
                if (c < 64) lo |= 1L << c; else hi |= 1L << (c - 64);
            }
            from = members.nextSetBit(to + 1);
        }
        return new PatternToken(CLASS, count, cmin, lo, hi, Arrays.copyOf(r, n));
    }

    /** Does this class accept {@code c}? Only meaningful for CLASS (others accept nothing). */
    boolean accepts(char c) {
        if (c < 64) return (lo >>> c & 1L) != 0;
        if (c < 128) return (hi >>> (c - 64) & 1L) != 0;
        int[] r = ranges;
        if (r == null) return false;
        for (int i = 0; i < r.length; i += 2) {
            if (c < r[i]) return false;
            if (c <= r[i + 1]) return true;
        }
        return false;
    }

    /**
     * Reads one set whose content is {@code s[from, end)} (between '[' and ']'), the way Asterisk
     * does: {@code a-b} is a range when both ends are inside the set (so a '-' first or last is a
     * plain member), a reversed range adds nothing, and nothing is escaped.
     */
    static PatternToken set(CharSequence s, int from, int end) {
        if (from == end) return EMPTY_TOKEN;
        BitSet members = new BitSet();
        int cmin = Integer.MAX_VALUE;
        for (int p = from; p < end; p++) {
            char c1 = s.charAt(p);
            char c2 = c1;
            if (p + 2 < end && s.charAt(p + 1) == '-') {
                c2 = s.charAt(p + 2);
                p += 2;
            }
            cmin = Math.min(cmin, c1);
            if (c1 <= c2) members.set(c1, c2 + 1);
        }
        return ofMembers(members, cmin);
    }

    /** Rank of the kind in the ordering; {@code null} (end of pattern) ranks after '!'. */
    private static int rank(PatternToken t) {
        if (t == null) return 3;
        return switch (t.kind) {
            case CLASS -> 0;
            case DOT -> 1;
            case BANG -> 2;
            case ERROR -> 4;
            default -> throw new IllegalStateException("not an ordering token: " + t.kind);
        };
    }

    /**
     * Asterisk's ordering of one position; {@code null} stands for the end of the pattern.
     * Returns a negative number when {@code a} sorts first.
     */
    static int compare(PatternToken a, PatternToken b) {
        int ra = rank(a), rb = rank(b);
        if (ra != rb) return Integer.compare(ra, rb);
        if (ra != 0) return 0;
        if (a == b) return 0;
        if (a.count != b.count) return Integer.compare(a.count, b.count);
        if (a.cmin != b.cmin) return Integer.compare(a.cmin, b.cmin);
        // same size and first character: the set holding the lowest character the other lacks first
        int low = lowestDifference(a.ranges, b.ranges);
        if (low < 0) return 0;
        return a.accepts((char) low) ? -1 : 1;
    }

    /** The lowest character in exactly one of the two range lists, or -1 when the sets are equal. */
    private static int lowestDifference(int[] a, int[] b) {
        int i = 0, j = 0;
        // walk both lists in step; at each point find the next boundary where membership may differ
        int c = 0;
        while (true) {
            while (i < a.length && a[i + 1] < c) i += 2;
            while (j < b.length && b[j + 1] < c) j += 2;
            boolean inA = i < a.length && a[i] <= c;
            boolean inB = j < b.length && b[j] <= c;
            if (inA != inB) return c;
            if (i >= a.length && j >= b.length) return -1;
            // next position where either membership changes
            int next = Integer.MAX_VALUE;
            if (i < a.length) next = Math.min(next, inA ? a[i + 1] + 1 : a[i]);
            if (j < b.length) next = Math.min(next, inB ? b[j + 1] + 1 : b[j]);
            if (next == Integer.MAX_VALUE) return -1;
            c = next;
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case DOT -> ".";
            case BANG -> "!";
            case EMPTY -> "[]";
            case DEAD -> "[(none)]";
            case ERROR -> "[(unclosed)";
            default -> {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < ranges.length; i += 2) {
                    sb.append((char) ranges[i]);
                    if (ranges[i + 1] != ranges[i]) sb.append('-').append((char) ranges[i + 1]);
                }
                yield sb.append(']').toString();
            }
        };
    }
}
