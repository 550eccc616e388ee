package org.switchboard.dialplan.expr;

/**
 * Translates a POSIX extended regular expression, as glibc's {@code regcomp(REG_EXTENDED)}
 * reads it in the C locale, into an equivalent {@link java.util.regex.Pattern} source.
 * The pattern and subject are handled as byte strings (one char per UTF-8 byte, 0-255).
 *
 * <p>glibc rules kept (RE_SYNTAX_POSIX_EXTENDED): '^' and '$' are anchors anywhere;
 * '*' '+' '?' '{' with nothing to repeat, or right after an anchor, are "Invalid preceding
 * regular expression"; quantifiers stack ({@code a**}); {@code {,n}} means {@code {0,n}};
 * an unmatched ')' is literal; backslash makes any character literal except the back
 * references \1-\9 and the GNU operators \w \W \s \S \b \B \&lt; \&gt; \` \'; inside brackets
 * backslash is literal and ranges must not be empty; '.' matches newline but not NUL.
 */
final class PosixRegexTranslator {
    /** A compile error; the message is glibc's regerror() text. */
    static final class RegexError extends Exception {
        RegexError(String message) {
            super(message, null, false, false);
        }
    }

    private static final String WORD = "[a-zA-Z0-9_]";
    private static final int DUP_MAX = 0x7fff; // RE_DUP_MAX

    private final String p;
    private final int n;
    private int i;
    private int groups;
    private boolean[] closed = new boolean[10];

    private PosixRegexTranslator(String p) {
        this.p = p;
        this.n = p.length();
    }

    /** Returns {Java regex source, number of capturing groups (re_nsub)}. */
    static Object[] translate(String bytePattern) throws RegexError {
        PosixRegexTranslator t = new PosixRegexTranslator(bytePattern);
        String out = t.alternation(0);
        return new Object[] {out, t.groups};
    }

    /** Each alternative sees only the groups closed before the alternation (glibc parse_reg_exp). */
    private String alternation(int nest) throws RegexError {
        boolean[] initial = closed.clone();
        StringBuilder sb = new StringBuilder(branch(nest));
        while (i < n && p.charAt(i) == '|') {
            i++;
            boolean[] accumulated = closed.clone();
            System.arraycopy(initial, 0, closed, 0, closed.length);
            sb.append('|').append(branch(nest));
            for (int k = 0; k < closed.length; k++) closed[k] |= accumulated[k];
        }
        return sb.toString();
    }

    private String branch(int nest) throws RegexError {
        StringBuilder sb = new StringBuilder();
        while (i < n) {
            char c = p.charAt(i);
            if (c == '|' || (c == ')' && nest > 0)) break;
            boolean[] anchor = new boolean[1];
            String atom = atom(nest, anchor);
            sb.append(anchor[0] ? atom : quantified(atom));
        }
        return sb.toString();
    }

    private static boolean isDup(char c) {
        return c == '*' || c == '+' || c == '?' || c == '{';
    }

    private String atom(int nest, boolean[] anchor) throws RegexError {
        char c = p.charAt(i++);
        switch (c) {
            case '(' -> {
                int idx = ++groups;
                String inner = alternation(nest + 1);
                if (i >= n || p.charAt(i) != ')') throw new RegexError("Unmatched ( or \\(");
                i++;
                if (idx < closed.length) closed[idx] = true;
                return "(" + inner + ")";
            }
            case '[' -> {
                return bracket();
            }
            case '.' -> {
                return "[^\\x{0}]";
            }
            case '^' -> {
                anchor[0] = true;
                return "^";
            }
            case '$' -> {
                anchor[0] = true;
                return "\\z";
            }
            case '\\' -> {
                return escape(anchor);
            }
            case '*', '+', '?', '{' -> throw new RegexError("Invalid preceding regular expression");
            default -> {
                return literal(c);
            }
        }
    }

    private String escape(boolean[] anchor) throws RegexError {
        if (i >= n) throw new RegexError("Trailing backslash");
        char d = p.charAt(i++);
        if (d >= '1' && d <= '9') {
            if (!closed[d - '0']) throw new RegexError("Invalid back reference");
            return "(?:\\" + d + ")";
        }
        String anchorText = switch (d) {
            case 'b' -> "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";
            case 'B' -> "(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))";
            case '<' -> "(?<!" + WORD + ")(?=" + WORD + ")";
            case '>' -> "(?<=" + WORD + ")(?!" + WORD + ")";
            case '`' -> "^";
            case '\'' -> "\\z";
            default -> null;
        };
        if (anchorText != null) {
            anchor[0] = true;
            return anchorText;
        }
        return switch (d) {
            case 'w' -> WORD;
            case 'W' -> "[^a-zA-Z0-9_]";
            case 's' -> "[ \\t\\n\\x{b}\\f\\r]";
            case 'S' -> "[^ \\t\\n\\x{b}\\f\\r]";
            default -> literal(d);
        };
    }

    /** Applies every quantifier that follows an atom; stacked ones wrap what precedes them. */
    private String quantified(String atom) throws RegexError {
        boolean first = true;
        while (i < n && isDup(p.charAt(i))) {
            char q = p.charAt(i++);
            String suffix = q == '{' ? interval() : String.valueOf(q);
            atom = (first ? atom : "(?:" + atom + ")") + suffix;
            first = false;
        }
        return atom;
    }

    /** {m}, {m,}, {m,n}, {,n}: glibc parse_dup_op()/fetch_number() errors. */
    private String interval() throws RegexError {
        int start = number();
        char stop = i < n ? p.charAt(i) : '\0';
        if (start == -1) {
            if (stop == ',') {
                start = 0;
            } else {
                throw new RegexError("Invalid content of \\{\\}");
            }
        }
        int end = start;
        if (start != -2 && stop == ',') {
            i++;
            end = number();
            stop = i < n ? p.charAt(i) : '\0';
        } else if (start != -2 && stop != '}') {
            end = -2;
        }
        if (start == -2 || end == -2) {
            throw new RegexError(i >= n ? "Unmatched \\{" : "Invalid content of \\{\\}");
        }
        if ((end != -1 && start > end) || stop != '}') throw new RegexError("Invalid content of \\{\\}");
        if (DUP_MAX < (end == -1 ? start : end)) throw new RegexError("Regular expression too big");
        i++; // '}'
        return "{" + start + "," + (end == -1 ? "" : end) + "}";
    }

    /** Digits up to ',' or '}': -1 when there are none, -2 on anything else or end of input. */
    private int number() {
        int num = -1;
        while (true) {
            if (i >= n) return -2;
            char c = p.charAt(i);
            if (c == '}' || c == ',') return num;
            i++;
            if (c == '\\' && i < n) i++; // an escape is one (non-digit) token
            num = (c < '0' || c > '9' || num == -2) ? -2 : num == -1 ? c - '0' : Math.min(DUP_MAX + 1, num * 10 + c - '0');
        }
    }

    /** A bracket expression; the opening '[' is consumed. */
    private String bracket() throws RegexError {
        StringBuilder sb = new StringBuilder("[");
        if (i < n && p.charAt(i) == '^') {
            sb.append('^');
            i++;
        }
        boolean first = true;
        while (true) {
            if (i >= n) throw new RegexError("Unmatched [, [^, [:, [., or [=");
            char c = p.charAt(i);
            if (c == ']' && !first) {
                i++;
                break;
            }
            if (c == '-' && !first && i + 1 < n && p.charAt(i + 1) != ']') {
                throw new RegexError("Invalid range end");
            }
            first = false;
            String startClass = null;
            int start = -1;
            boolean startSet = opens(':') || opens('=');
            if (opens(':')) {
                startClass = charClass();
            } else {
                start = element();
            }
            if (i + 1 < n && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
                i++;
                // build_range_exp(): classes and equivalence classes cannot bound a range
                if (opens(':') || opens('=')) throw new RegexError("Invalid range end");
                int end = element();
                if (startSet || start > end) throw new RegexError("Invalid range end");
                sb.append(literal((char) start)).append('-').append(literal((char) end));
            } else {
                sb.append(startClass != null ? startClass : literal((char) start));
            }
        }
        return sb.append(']').toString();
    }

    private boolean opens(char kind) {
        return i + 1 < n && p.charAt(i) == '[' && p.charAt(i + 1) == kind;
    }

    /** One character of a bracket: plain, [.c.] or [=c=] (single characters in the C locale). */
    private int element() throws RegexError {
        if (i >= n) throw new RegexError("Unmatched [, [^, [:, [., or [=");
        char c = p.charAt(i);
        if (c == '[' && i + 1 < n && (p.charAt(i + 1) == '.' || p.charAt(i + 1) == '=')) {
            String name = bracketName(p.charAt(i + 1));
            if (name.length() != 1) throw new RegexError("Invalid collation character");
            return name.charAt(0);
        }
        i++;
        return c;
    }

    private String charClass() throws RegexError {
        String name = bracketName(':');
        return switch (name) {
            case "alpha" -> "\\p{Alpha}";
            case "upper" -> "\\p{Upper}";
            case "lower" -> "\\p{Lower}";
            case "digit" -> "\\p{Digit}";
            case "xdigit" -> "\\p{XDigit}";
            case "space" -> "\\p{Space}";
            case "print" -> "\\p{Print}";
            case "punct" -> "\\p{Punct}";
            case "graph" -> "\\p{Graph}";
            case "cntrl" -> "\\p{Cntrl}";
            case "blank" -> "\\p{Blank}";
            case "alnum" -> "\\p{Alnum}";
            default -> throw new RegexError("Invalid character class name");
        };
    }

    /** The name inside [:name:], [.name.] or [=name=]; i is at the '['. */
    private String bracketName(char delim) throws RegexError {
        int from = i + 2;
        int close = from;
        while (close + 1 < n && !(p.charAt(close) == delim && p.charAt(close + 1) == ']')) close++;
        if (close + 1 >= n || close - from >= 32) throw new RegexError("Unmatched [, [^, [:, [., or [=");
        i = close + 2;
        return p.substring(from, close);
    }

    private static String literal(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return String.valueOf(c);
        return "\\x{" + Integer.toHexString(c) + "}";
    }
}
