package org.switchboard.dialplan.expr;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regex operators {@code :} and {@code =~} (op_colon / op_eqtilde in main/ast_expr2.y):
 * both operands become strings with their double quotes stripped, the right one is compiled
 * with regcomp(REG_EXTENDED) and matched once. {@code :} only accepts a match starting at
 * offset 0. A match gives the text of \1 when the pattern has a group that took part, else
 * the match length in bytes; no match gives "" when the pattern has groups, else 0.
 *
 * <p>POSIX leftmost-longest is emulated on top of java.util.regex: leftmost start from
 * {@code find()}, then the longest end that still matches. Compiled patterns live in a small
 * LRU cache; a backtracking budget stops pathological patterns (documented deviation).
 */
final class PosixRegex {
    private record Compiled(Pattern pattern, int groups, String error) {
    }

    private static final int CACHE_SIZE = 256;
    /** charAt() calls one match may spend before we give up. */
    private static final long BUDGET = 20_000_000L;
    /** Subjects longer than this skip the longest-match refinement (greedy result kept). */
    private static final int LONGEST_SEARCH_LIMIT = 4096;

    private static final Map<String, Compiled> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private PosixRegex() {
    }

    static Value match(Value a, Value b, boolean anchored, List<String> w) {
        a.toStr();
        b.toStr();
        a.stripQuotes();
        b.stripQuotes();
        Compiled c = compile(toBytes(b.text()));
        if (c.error() != null) {
            w.add("regcomp() error : " + c.error());
            return Value.makeStr("");
        }
        // on the caller's thread: a subject deep enough to overflow java.util.regex's recursion
        // is reported like the backtracking budget (no match), never run on a big-stack thread
        return run(c, toBytes(a.text()), anchored, w);
    }

    private static Value run(Compiled c, String subject, boolean anchored, List<String> w) {
        BudgetedText text = new BudgetedText(subject);
        try {
            Matcher m = c.pattern().matcher(text);
            m.useAnchoringBounds(false);
            m.useTransparentBounds(true);
            if (m.find() && (!anchored || m.start() == 0)) {
                int start = m.start(), end = m.end();
                int g1s = c.groups() > 0 ? m.start(1) : -1, g1e = c.groups() > 0 ? m.end(1) : -1;
                if (subject.length() <= LONGEST_SEARCH_LIMIT) {
                    for (int e = subject.length(); e > end; e--) {
                        m.region(start, e);
                        if (m.matches()) {
                            end = e;
                            g1s = c.groups() > 0 ? m.start(1) : -1;
                            g1e = c.groups() > 0 ? m.end(1) : -1;
                            break;
                        }
                    }
                }
                if (g1s >= 0) {
                    return Value.makeStr(fromBytes(subject.substring(g1s, g1e)));
                }
                return Value.number(end - start);
            }
        } catch (BudgetExceeded | StackOverflowError e) {
            w.add("regexec() gave up on a pathological pattern; treated as no match");
        }
        return noMatch(c);
    }

    /** No match: "" when the pattern has a subexpression, else 0. */
    private static Value noMatch(Compiled c) {
        return c.groups() == 0 ? Value.number(0) : Value.makeStr("");
    }

    private static Compiled compile(String bytePattern) {
        synchronized (CACHE) {
            Compiled c = CACHE.get(bytePattern);
            if (c != null) return c;
        }
        Compiled c;
        try {
            Object[] t = PosixRegexTranslator.translate(bytePattern);
            c = new Compiled(Pattern.compile((String) t[0]), (Integer) t[1], null);
        } catch (PosixRegexTranslator.RegexError e) {
            c = new Compiled(null, 0, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            c = new Compiled(null, 0, "Regular expression too big");
        }
        synchronized (CACHE) {
            CACHE.put(bytePattern, c);
        }
        return c;
    }

    /** The C string's bytes, one char per byte (C strings end at the first NUL). */
    static String toBytes(String s) {
        int nul = s.indexOf('\0');
        if (nul >= 0) s = s.substring(0, nul);
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) ascii = s.charAt(i) < 0x80;
        return ascii ? s : new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static String fromBytes(String bytes) {
        return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** A CharSequence that counts reads, to bound catastrophic backtracking. */
    private static final class BudgetedText implements CharSequence {
        private final String s;
        private long left = BUDGET;

        BudgetedText(String s) {
            this.s = s;
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) throw new BudgetExceeded();
            return s.charAt(index);
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.subSequence(start, end);
        }

        @Override
        public String toString() {
            return s;
        }
    }
}
