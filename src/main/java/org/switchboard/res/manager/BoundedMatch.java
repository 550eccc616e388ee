package org.switchboard.res.manager;

import java.util.regex.Pattern;

/**
 * A regular expression a client sent (a Filter, Hangup's {@code /regex/}) searched with a budget
 * of character reads. Java's matcher backtracks, so a pattern such as {@code (a+)+$} can take
 * ages on a modest text; on a virtual thread that holds a carrier all the while (there is no time
 * slicing), and an event filter runs on the thread of the call that published the event. Past the
 * budget the search gives up with {@link TooComplex} instead.
 */
public final class BoundedMatch {
    /** Reads allowed per character of text, and a floor for short texts: far above what sane patterns need. */
    private static final long READS_PER_CHAR = 200;
    private static final long MIN_READS = 100_000;

    /** The search gave up: the pattern needs too much backtracking on this text. */
    public static final class TooComplex extends RuntimeException {
        TooComplex() { super("regular expression too complex for the text", null, false, false); }
    }

    private BoundedMatch() {}

    /** {@code pattern.matcher(text).find()}, or {@link TooComplex} once the budget is spent. */
    public static boolean find(Pattern pattern, CharSequence text) {
        return pattern.matcher(new Budgeted(text, Math.max(MIN_READS, text.length() * READS_PER_CHAR))).find();
    }

    /** The text, counting reads against one budget (shared with its subsequences). */
    private static final class Budgeted implements CharSequence {
        private final CharSequence text;
        private final long[] left;

        Budgeted(CharSequence text, long budget) { this(text, new long[] {budget}); }

        private Budgeted(CharSequence text, long[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) throw new TooComplex();
            return text.charAt(index);
        }

        @Override
        public int length() { return text.length(); }

        @Override
        public CharSequence subSequence(int start, int end) { return new Budgeted(text.subSequence(start, end), left); }

        @Override
        public String toString() { return text.toString(); }
    }
}
