package org.switchboard.dialplan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An extension name as written after {@code exten =>}: either a literal ({@code 100}, {@code s},
 * {@code 555-1212}) or a pattern starting with {@code _} ({@code _X.}, {@code _[1-3]XX},
 * {@code _SKYPE-.}, {@code _!}). Immutable and thread-safe.
 *
 * <p>Behaviour is Asterisk's, as documented on docs.asterisk.org (Configuration / Dialplan /
 * Pattern Matching) and as {@code main/pbx.c} behaves ({@code _extension_match_core},
 * {@code ext_cmp}); the code here is our own.
 * <ul>
 *   <li>{@code X}/{@code x} = 0-9, {@code Z}/{@code z} = 1-9, {@code N}/{@code n} = 2-9 (lower case
 *       is special too). Any other letter is a literal and matches case-sensitively.</li>
 *   <li>{@code [...]}: a set; {@code a-b} is a range by character code ({@code [a-z]} is lower-case
 *       letters only); a {@code -} first or last in the set is a plain member; nothing is escaped
 *       and {@code X}/{@code N}/{@code Z} are plain inside a set. An unclosed {@code [} is rejected
 *       here (Asterisk only logs "Wrong usage of [] in the extension" and never matches it).
 *       An empty set {@code []} and a set with only reversed ranges ({@code [9-0]}) are accepted
 *       and behave as in Asterisk: the first is skipped, the second never matches.</li>
 *   <li>{@code .} matches one or more characters, {@code !} zero or more; either ends the pattern
 *       for matching (what follows is ignored, though it still counts for the ordering).</li>
 *   <li>{@code -} is ignored (outside sets) in patterns and literals, and in the dialled text:
 *       {@code _SKYPE-.} matches {@code SKYPE-vuc.me}, literal {@code 555-1212} matches
 *       {@code 5551212} and {@code 5-551-212}. Spaces outside sets are dropped from the name, as
 *       Asterisk does when it stores an extension.</li>
 *   <li>A {@code /} is refused: it separates the caller-ID match, which the caller splits off.</li>
 * </ul>
 *
 * <p>{@link #compareTo} is Asterisk's {@code ext_cmp}: literals before patterns, literals by
 * character code ignoring dashes, patterns position by position with the narrower character class
 * first (see {@link PatternToken}), then {@code .}, then {@code !}, then the end of the pattern
 * (so {@code _1X.} sorts before {@code _1X}). Two names comparing equal are one extension to
 * Asterisk ({@code _X.} and {@code _x.}, {@code _[0-9]} and {@code _X}, {@code 555-1212} and
 * {@code 5551212}); the ordering is therefore inconsistent with {@link #equals}, which compares the
 * written text.
 */
public final class ExtensionPattern implements Comparable<ExtensionPattern> {
    /** Asterisk's E_MATCH: the dialled text is a complete match. */
    static final int MATCH = 0;
    /** E_CANMATCH: a complete match, or a prefix of one. */
    static final int CANMATCH = 1;
    /** E_MATCHMORE: a proper prefix of a match. */
    static final int MATCHMORE = 2;

    private final String text;
    private final boolean pattern;
    /** Literal: the name without dashes and spaces. */
    private final String literal;
    /** Pattern: every position in written order, including empty and memberless sets. */
    private final PatternToken[] tokens;
    /** Pattern: the positions that count for the ordering (no empty or memberless sets). */
    private final PatternToken[] key;
    /** Pattern: no empty or memberless set before the first '.' or '!'. */
    private final boolean regular;

    private ExtensionPattern(String text, boolean pattern, String literal, PatternToken[] tokens,
                             PatternToken[] key, boolean regular) {
        this.text = text;
        this.pattern = pattern;
        this.literal = literal;
        this.tokens = tokens;
        this.key = key;
        this.regular = regular;
    }

    /**
     * Parses an extension name as written after {@code exten =>} (without the {@code /callerid}
     * part). An empty text is accepted: it is the literal that matches only empty text (a blank
     * caller-ID match).
     *
     * @throws IllegalArgumentException on a malformed pattern (an unclosed {@code [}) or a
     *         {@code /}; the message quotes the text
     */
    public static ExtensionPattern parse(String text) {
        Objects.requireNonNull(text, "extension text");
        int slash = text.indexOf('/');
        if (slash >= 0) {
            throw new IllegalArgumentException("Malformed extension '" + text + "': '/' at offset " + slash
                    + " starts a caller-ID match; split it off before parsing the extension");
        }
        int start = 0;
        while (start < text.length() && text.charAt(start) == ' ') start++;
        if (start < text.length() && text.charAt(start) == '_') {
            List<PatternToken> toks = new ArrayList<>();
            tokenize(text, start + 1, false, toks);
            PatternToken[] tokens = toks.toArray(new PatternToken[0]);
            List<PatternToken> key = new ArrayList<>(tokens.length);
            boolean regular = true;
            boolean wildcardSeen = false;
            for (PatternToken t : tokens) {
                if (t.kind == PatternToken.EMPTY || t.kind == PatternToken.DEAD) {
                    if (!wildcardSeen) regular = false;
                    continue;
                }
                if (t.kind == PatternToken.DOT || t.kind == PatternToken.BANG) wildcardSeen = true;
                key.add(t);
            }
            return new ExtensionPattern(text, true, null, tokens, key.toArray(new PatternToken[0]), regular);
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '-' && c != ' ') sb.append(c);
        }
        return new ExtensionPattern(text, false, sb.toString(), null, null, true);
    }

    /**
     * Splits pattern text (after the '_') into positions. Strict (a written pattern): spaces and
     * dashes between positions are dropped, an unclosed '[' is an error. Lenient (dialled text read
     * as a pattern, as {@code ext_cmp_pattern} reads it): only dashes are dropped and an unclosed
     * '[' becomes an ERROR position, reading going on after the '['.
     */
    private static void tokenize(String s, int from, boolean lenient, List<PatternToken> out) {
        int n = s.length();
        int p = from;
        while (p < n) {
            char c = s.charAt(p);
            if (c == '-' || (c == ' ' && !lenient)) {
                p++;
                continue;
            }
            switch (c) {
                case '[' -> {
                    int end = s.indexOf(']', p + 1);
                    if (end < 0) {
                        if (!lenient) {
                            throw new IllegalArgumentException("Malformed extension pattern '" + s + "': '[' at offset "
                                    + p + " has no closing ']'");
                        }
                        out.add(PatternToken.ERROR_TOKEN);
                        p++;
                        continue;
                    }
                    out.add(PatternToken.set(s, p + 1, end));
                    p = end + 1;
                    continue;
                }
                case 'N', 'n' -> out.add(PatternToken.DIGITS_N);
                case 'X', 'x' -> out.add(PatternToken.DIGITS_X);
                case 'Z', 'z' -> out.add(PatternToken.DIGITS_Z);
                case '.' -> out.add(PatternToken.DOT_TOKEN);
                case '!' -> out.add(PatternToken.BANG_TOKEN);
                default -> out.add(PatternToken.literal(c));
            }
            p++;
        }
    }

    /** The name as written. */
    public String text() { return text; }

    /** True for a pattern (the name starts with {@code _}). */
    public boolean isPattern() { return pattern; }

    /** Asterisk's E_MATCH: {@code exten} (null is empty) matches completely. */
    public boolean matches(String exten) { return code(exten, MATCH) != 0; }

    /** Asterisk's E_CANMATCH: {@code exten} matches, or more characters could make it match. */
    public boolean canMatch(String exten) { return code(exten, CANMATCH) != 0; }

    /**
     * Asterisk's E_MATCHMORE as the dialplan applies it (WaitExten, overlap dialing): true when
     * {@code exten} is a proper prefix of a match, so waiting for more digits makes sense. A pattern
     * whose {@code !} has been reached answers false: Asterisk's {@code pbx_find_extension} treats
     * that early match as final ("the decision in this case is final"), so no more digits are
     * awaited.
     */
    public boolean matchMore(String exten) { return code(exten, MATCHMORE) == 1; }

    /** True for a pattern the index can walk in its tree (see {@link ExtensionIndex}). */
    boolean regular() { return regular; }

    /** Pattern positions that count for the ordering. */
    PatternToken[] key() { return key; }

    /** Literal name without dashes and spaces. */
    String literal() { return literal; }

    /**
     * The result Asterisk's matcher gives for this name and {@code exten} in {@code mode}: 0 no
     * match, 1 match, 2 early match (a {@code !} was reached).
     */
    int code(String exten, int mode) {
        String d = exten == null ? "" : exten;
        if (!pattern) return literalCode(d, mode);
        if (mode == MATCH && !d.isEmpty() && d.charAt(0) == '_' && sameAsPattern(d)) {
            // Asterisk compares dialled text that starts with '_' as a pattern first: _X. matches "_X."
            return 1;
        }
        PatternToken[] toks = tokens;
        int n = d.length();
        int i = 0, t = 0;
        while (true) {
            while (i < n && d.charAt(i) == '-') i++;
            if (i == n || t == toks.length) break;
            PatternToken tok = toks[t];
            switch (tok.kind) {
                case PatternToken.EMPTY -> {
                    t++;
                    continue;
                }
                case PatternToken.DOT -> {
                    return 1;
                }
                case PatternToken.BANG -> {
                    return 2;
                }
                case PatternToken.DEAD -> {
                    return 0;
                }
                default -> {
                    if (!tok.accepts(d.charAt(i))) return 0;
                }
            }
            i++;
            t++;
        }
        if (i < n) return 0;                       // text longer than the pattern
        if (t == toks.length) return mode == MATCHMORE ? 0 : 1;   // exact
        if (toks[t].kind == PatternToken.BANG) return 2;          // early match
        return mode == MATCH ? 0 : 1;              // text ran out first: partial
    }

    private int literalCode(String d, int mode) {
        String lit = literal;
        int lp = lit.length();
        int ld = 0;
        for (int i = 0; i < d.length(); i++) if (d.charAt(i) != '-') ld++;
        if (lp < ld) return 0;
        // compare, ignoring dashes in the dialled text, up to the end of the text
        int j = 0;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c == '-') continue;
            if (lit.charAt(j++) != c) return 0;
        }
        if (mode == MATCH) return lp == ld ? 1 : 0;
        if (mode == MATCHMORE) return lp > ld ? 1 : 0;
        return 1;
    }

    private boolean sameAsPattern(String d) {
        List<PatternToken> other = new ArrayList<>();
        tokenize(d, 1, true, other);
        List<PatternToken> otherKey = new ArrayList<>(other.size());
        for (PatternToken t : other) {
            if (t.kind != PatternToken.EMPTY && t.kind != PatternToken.DEAD) otherKey.add(t);
        }
        return compareKeys(key, otherKey.toArray(new PatternToken[0])) == 0;
    }

    static int compareKeys(PatternToken[] a, PatternToken[] b) {
        for (int i = 0; ; i++) {
            PatternToken ta = i < a.length ? a[i] : null;
            PatternToken tb = i < b.length ? b[i] : null;
            if (ta == null && tb == null) return 0;
            int c = PatternToken.compare(ta, tb);
            if (c != 0) return c;
        }
    }

    /**
     * Asterisk's {@code ext_cmp} order: negative when this name sorts (and is tried) first. Zero
     * means Asterisk treats both as the same extension.
     */
    @Override
    public int compareTo(ExtensionPattern o) {
        if (!pattern) {
            if (o.pattern) return -1;
            return Integer.signum(literal.compareTo(o.literal));
        }
        if (!o.pattern) return 1;
        return Integer.signum(compareKeys(key, o.key));
    }

    /** Same written text. (Names that are one extension to Asterisk compare equal instead.) */
    @Override
    public boolean equals(Object o) {
        return o instanceof ExtensionPattern p && p.text.equals(text);
    }

    @Override
    public int hashCode() { return text.hashCode(); }

    @Override
    public String toString() { return text; }
}
