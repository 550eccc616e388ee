package org.switchboard.dialplan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Many extensions of one context; finds the one Asterisk would pick. {@code T} is the caller's
 * payload.
 *
 * <p><b>Which extension wins.</b> Asterisk's default engine ({@code extenpatternmatchnew=no})
 * keeps a context's extensions sorted by {@code ext_cmp} ({@link ExtensionPattern#compareTo}) and
 * walks that list, taking the first that matches ({@code pbx_find_extension} in
 * {@code main/pbx.c}; docs.asterisk.org Configuration/Dialplan/Pattern-Matching, "Order of Pattern
 * Matching": literals first, then patterns with the most constrained character set per position
 * first, {@code .} after sets, {@code !} after {@code .}). This index gives the same answers
 * without walking the list: literals sit in a character trie, patterns in a tree of positions whose
 * children are kept in {@code ext_cmp} order, so a depth-first search meets matches in exactly the
 * list order and stops at the first. Entries that compare equal (one extension to Asterisk) keep
 * the order they were added in.
 *
 * <p><b>Overlap dialing.</b> {@link #matchMore} is decided by the first extension, in that order,
 * for which the text is a prefix or a match; when that one reaches a {@code !}, Asterisk's answer is
 * "no more digits needed" even if a later extension would want more.
 *
 * <p>Caller-ID matching and priority checks are the caller's: pass a filter to the overloads that
 * take a {@link Predicate}, which skip rejected payloads the way Asterisk skips an extension whose
 * caller-ID match fails.
 *
 * <p>Lookups allocate nothing (except for text starting with {@code _}, which Asterisk also
 * compares as a pattern, and {@link #allMatches}/{@link #orderedPatterns}). Not safe for
 * {@link #add} concurrent with lookups; any number of concurrent lookups is fine once the adds are
 * done and the index is safely published.
 */
public final class ExtensionIndex<T> {
    private static final int MATCH = ExtensionPattern.MATCH;
    private static final int CANMATCH = ExtensionPattern.CANMATCH;
    private static final int MATCHMORE = ExtensionPattern.MATCHMORE;
    /** A pattern node with at least this many class children gets a per-ASCII-character table. */
    private static final int DISPATCH_MIN = 4;

    private static final Entry<?>[] NO_ENTRIES = new Entry<?>[0];
    private static final PNode<?>[] NO_PNODES = new PNode<?>[0];
    private static final LNode<?>[] NO_LNODES = new LNode<?>[0];
    private static final char[] NO_KEYS = new char[0];

    /** One added extension. {@code seq} breaks ties between names Asterisk treats as one. */
    private record Entry<T>(ExtensionPattern pattern, T value, int seq) {
        int compareTo(Entry<?> o) {
            int c = pattern.compareTo(o.pattern);
            return c != 0 ? c : Integer.compare(seq, o.seq);
        }
    }

    /** Literal trie node. */
    private static final class LNode<T> {
        char[] keys = NO_KEYS;
        LNode<T>[] kids = emptyLNodes();
        Entry<T>[] terminal = emptyEntries();
        /** Entries in this node and below. */
        int count;

        LNode<T> child(char c) {
            char[] k = keys;
            int n = k.length;
            if (n <= 8) {
                for (int i = 0; i < n; i++) if (k[i] == c) return kids[i];
                return null;
            }
            int i = Arrays.binarySearch(k, c);
            return i >= 0 ? kids[i] : null;
        }

        LNode<T> childOrCreate(char c) {
            int i = Arrays.binarySearch(keys, c);
            if (i >= 0) return kids[i];
            int at = -i - 1;
            LNode<T> n = new LNode<>();
            char[] k = new char[keys.length + 1];
            System.arraycopy(keys, 0, k, 0, at);
            k[at] = c;
            System.arraycopy(keys, at, k, at + 1, keys.length - at);
            keys = k;
            kids = insert(kids, at, n);
            return n;
        }
    }

    /** Pattern tree node: the positions on the path from the root spell a pattern prefix. */
    private static final class PNode<T> {
        final PatternToken token;
        /** Children for character classes, in ext_cmp order of their class. */
        PNode<T>[] kids = emptyPNodes();
        PNode<T> dot;
        PNode<T> bang;
        /** Entries whose pattern ends here. */
        Entry<T>[] terminal = emptyEntries();
        /** Every entry in this node and below, in index order. */
        Entry<T>[] subtree = emptyEntries();
        /** For characters 0..127: the class children accepting it, in order; null while few. */
        PNode<T>[][] ascii;

        PNode(PatternToken token) { this.token = token; }

        PNode<T> childOrCreate(PatternToken t) {
            if (t.kind == PatternToken.DOT) return dot != null ? dot : (dot = new PNode<>(t));
            if (t.kind == PatternToken.BANG) return bang != null ? bang : (bang = new PNode<>(t));
            int lo = 0, hi = kids.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = PatternToken.compare(kids[mid].token, t);
                if (c < 0) lo = mid + 1;
                else if (c > 0) hi = mid - 1;
                else return kids[mid];
            }
            PNode<T> n = new PNode<>(t);
            kids = insert(kids, lo, n);
            rebuildDispatch();
            return n;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})   // generic arrays
        private void rebuildDispatch() {
            if (kids.length < DISPATCH_MIN) {
                ascii = null;
                return;
            }
            PNode<T>[][] table = new PNode[128][];
            List<PNode<T>> tmp = new ArrayList<>();
            for (char c = 0; c < 128; c++) {
                tmp.clear();
                for (PNode<T> k : kids) if (k.token.accepts(c)) tmp.add(k);
                table[c] = tmp.isEmpty() ? emptyPNodes() : tmp.toArray(new PNode[0]);
            }
            ascii = table;
        }
    }

    private final LNode<T> literals = new LNode<>();
    private final PNode<T> patterns = new PNode<>(null);
    /** Patterns with an empty or memberless set before any wildcard; checked one by one, in order. */
    private Entry<T>[] irregular = emptyEntries();
    private int seq;

    /** Adds an extension. Adding one Asterisk treats as the same as an earlier one keeps both, earlier first. */
    public void add(ExtensionPattern pattern, T value) {
        Objects.requireNonNull(pattern, "pattern");
        Entry<T> e = new Entry<>(pattern, value, seq++);
        if (!pattern.isPattern()) {
            String lit = pattern.literal();
            LNode<T> n = literals;
            n.count++;
            for (int i = 0; i < lit.length(); i++) {
                n = n.childOrCreate(lit.charAt(i));
                n.count++;
            }
            n.terminal = append(n.terminal, e);
        } else if (pattern.regular()) {
            PNode<T> n = patterns;
            n.subtree = insertSorted(n.subtree, e);
            for (PatternToken t : pattern.key()) {
                n = n.childOrCreate(t);
                n.subtree = insertSorted(n.subtree, e);
            }
            n.terminal = append(n.terminal, e);
        } else {
            irregular = insertSorted(irregular, e);
        }
    }

    /** Number of extensions added. */
    public int size() { return seq; }

    /** The match Asterisk's default engine chooses, or null. */
    public T findBest(String exten) {
        Entry<T> e = best(exten, null);
        return e == null ? null : e.value;
    }

    /**
     * The first match, in Asterisk's order, whose payload {@code accept} takes (as Asterisk skips an
     * extension whose caller-ID match or priority is missing), or null.
     */
    public T findBest(String exten, Predicate<? super T> accept) {
        Entry<T> e = best(exten, accept);
        return e == null ? null : e.value;
    }

    /** Every match, best first. */
    public List<T> allMatches(String exten) {
        String d = exten == null ? "" : exten;
        List<T> out = new ArrayList<>();
        LNode<T> n = literalNode(d);
        if (n != null) for (Entry<T> e : n.terminal) out.add(e.value);
        Entry<T>[] reg = patterns.subtree, irr = irregular;
        int i = 0, j = 0;
        while (i < reg.length || j < irr.length) {
            Entry<T> e = j >= irr.length || (i < reg.length && reg[i].compareTo(irr[j]) < 0) ? reg[i++] : irr[j++];
            if (e.pattern.code(d, MATCH) != 0) out.add(e.value);
        }
        return out;
    }

    /** E_CANMATCH: some extension matches {@code exten} or could after more characters. */
    public boolean canMatch(String exten) { return canMatch(exten, null); }

    /** E_CANMATCH over the extensions whose payload {@code accept} takes. */
    public boolean canMatch(String exten, Predicate<? super T> accept) {
        String d = exten == null ? "" : exten;
        LNode<T> n = literalNode(d);
        if (n != null && anyLiteral(n, accept, true)) return true;
        return firstPattern(d, CANMATCH, accept) != null;
    }

    /**
     * E_MATCHMORE as {@code pbx_find_extension} decides it: the first extension (in order) that
     * {@code exten} is a prefix of or matches decides; true unless that one has reached a
     * {@code !}.
     */
    public boolean matchMore(String exten) { return Boolean.TRUE.equals(matchMoreDecision(exten, null)); }

    /** {@link #matchMore(String)} over the extensions whose payload {@code accept} takes. */
    public boolean matchMore(String exten, Predicate<? super T> accept) {
        return Boolean.TRUE.equals(matchMoreDecision(exten, accept));
    }

    /**
     * The three-way answer behind {@link #matchMore}: TRUE (more characters could match), FALSE (an
     * extension with {@code !} decided: stop waiting — Asterisk then does not look in this context's
     * includes either), or null (nothing here wants more; look in the includes).
     */
    public Boolean matchMoreDecision(String exten, Predicate<? super T> accept) {
        String d = exten == null ? "" : exten;
        LNode<T> n = literalNode(d);
        if (n != null && anyLiteral(n, accept, false)) return Boolean.TRUE;
        Entry<T> e = firstPattern(d, MATCHMORE, accept);
        if (e == null) return null;
        return e.pattern.code(d, MATCHMORE) == 1;
    }

    /** Every name added, in ext_cmp order (the order {@code dialplan show} lists). */
    public List<ExtensionPattern> orderedPatterns() {
        List<ExtensionPattern> out = new ArrayList<>(seq);
        collectLiterals(literals, out);
        Entry<T>[] reg = patterns.subtree, irr = irregular;
        int i = 0, j = 0;
        while (i < reg.length || j < irr.length) {
            out.add((j >= irr.length || (i < reg.length && reg[i].compareTo(irr[j]) < 0) ? reg[i++] : irr[j++]).pattern);
        }
        return Collections.unmodifiableList(out);
    }

    // ---- lookups ----

    private Entry<T> best(String exten, Predicate<? super T> accept) {
        String d = exten == null ? "" : exten;
        LNode<T> n = literalNode(d);
        if (n != null) {
            Entry<T> e = first(n.terminal, accept);
            if (e != null) return e;
        }
        return firstPattern(d, MATCH, accept);
    }

    /** The first pattern entry, in order, whose result for {@code d} in {@code mode} is not 0. */
    private Entry<T> firstPattern(String d, int mode, Predicate<? super T> accept) {
        Entry<T> a;
        if (mode == MATCH && !d.isEmpty() && d.charAt(0) == '_') {
            a = scan(patterns.subtree, d, mode, accept);   // also compared as a pattern: rare, slow path
        } else {
            a = search(patterns, d, 0, mode, accept);
        }
        if (irregular.length == 0) return a;
        Entry<T> b = scan(irregular, d, mode, accept);
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static <T> Entry<T> scan(Entry<T>[] list, String d, int mode, Predicate<? super T> accept) {
        for (Entry<T> e : list) {
            if (e.pattern.code(d, mode) != 0 && (accept == null || accept.test(e.value))) return e;
        }
        return null;
    }

    /**
     * Depth-first search of the pattern tree: the first entry, in index order, whose result is not
     * 0. At node {@code n} the text up to {@code i} has been matched by the path's positions.
     * Children come in order (classes, then '.', then '!', then the patterns ending here), and
     * every entry under a child sorts before every entry under the next, so the first hit is the
     * one Asterisk's list walk would find.
     */
    private Entry<T> search(PNode<T> n, String d, int i, int mode, Predicate<? super T> accept) {
        int len = d.length();
        while (i < len && d.charAt(i) == '-') i++;
        Entry<T> e;
        if (i == len) {
            // text used up: a pattern with more positions is a partial match (0 for E_MATCH),
            // one stopped on '!' an early match (2), one ending here exact (0 for E_MATCHMORE)
            if (mode != MATCH) {
                for (PNode<T> k : n.kids) if ((e = first(k.subtree, accept)) != null) return e;
                if (n.dot != null && (e = first(n.dot.subtree, accept)) != null) return e;
            }
            if (n.bang != null && (e = first(n.bang.subtree, accept)) != null) return e;
            if (mode != MATCHMORE) return first(n.terminal, accept);
            return null;
        }
        char c = d.charAt(i);
        PNode<T>[][] table = n.ascii;
        if (table != null && c < 128) {
            for (PNode<T> k : table[c]) if ((e = search(k, d, i + 1, mode, accept)) != null) return e;
        } else {
            for (PNode<T> k : n.kids) {
                if (k.token.accepts(c) && (e = search(k, d, i + 1, mode, accept)) != null) return e;
            }
        }
        // '.' takes the rest (1), '!' too (2); whatever follows them in the pattern is not looked at
        if (n.dot != null && (e = first(n.dot.subtree, accept)) != null) return e;
        if (n.bang != null) return first(n.bang.subtree, accept);
        return null;
    }

    private static <T> Entry<T> first(Entry<T>[] list, Predicate<? super T> accept) {
        if (accept == null) return list.length == 0 ? null : list[0];
        for (Entry<T> e : list) if (accept.test(e.value)) return e;
        return null;
    }

    /** The literal trie node spelling {@code d} without its dashes, or null. */
    private LNode<T> literalNode(String d) {
        LNode<T> n = literals;
        for (int i = 0, len = d.length(); i < len; i++) {
            char c = d.charAt(i);
            if (c == '-') continue;
            n = n.child(c);
            if (n == null) return null;
        }
        return n;
    }

    /** Any accepted literal at ({@code self}) or strictly below {@code n}. */
    private static <T> boolean anyLiteral(LNode<T> n, Predicate<? super T> accept, boolean self) {
        if (accept == null) return n.count - (self ? 0 : n.terminal.length) > 0;
        if (self && first(n.terminal, accept) != null) return true;
        for (LNode<T> k : n.kids) if (anyLiteral(k, accept, true)) return true;
        return false;
    }

    private static <T> void collectLiterals(LNode<T> n, List<ExtensionPattern> out) {
        for (Entry<T> e : n.terminal) out.add(e.pattern);   // a shorter name sorts first
        for (LNode<T> k : n.kids) collectLiterals(k, out);
    }

    // ---- small array helpers ----

    @SuppressWarnings("unchecked")
    private static <T> Entry<T>[] emptyEntries() { return (Entry<T>[]) NO_ENTRIES; }

    @SuppressWarnings("unchecked")
    private static <T> PNode<T>[] emptyPNodes() { return (PNode<T>[]) NO_PNODES; }

    @SuppressWarnings("unchecked")
    private static <T> LNode<T>[] emptyLNodes() { return (LNode<T>[]) NO_LNODES; }

    private static <E> E[] insert(E[] a, int at, E x) {
        E[] b = Arrays.copyOf(a, a.length + 1);
        System.arraycopy(a, at, b, at + 1, a.length - at);
        b[at] = x;
        return b;
    }

    private static <T> Entry<T>[] append(Entry<T>[] a, Entry<T> e) {
        return insert(a, a.length, e);
    }

    private static <T> Entry<T>[] insertSorted(Entry<T>[] a, Entry<T> e) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid].compareTo(e) < 0) lo = mid + 1; else hi = mid;
        }
        return insert(a, lo, e);
    }
}
