package org.switchboard.dialplan.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokenizer equivalent to Asterisk's flex scanner main/ast_expr2.fl:
 * <ul>
 * <li>operators are recognised anywhere, longest first ({@code 1+1} is three tokens);</li>
 * <li>blanks, tabs, CR and LF only separate tokens;</li>
 * <li>{@code "..."} is one token, quotes included (they may contain anything but '"');</li>
 * <li>{@code [0-9]+(\.[0-9]+)?} is a numeric string, longer runs of
 *     {@code [a-zA-Z0-9.';\\_^#@]}, bytes 0x80-0xff and {@code $x} (x not '{') are strings;</li>
 * <li>unsubstituted {@code ${...}} is gathered with its nested braces and trailing text;</li>
 * <li>any other character (e.g. {@code [ ] { } ~ `} or a lone '"') is dropped: flex's default
 *     rule echoes it to stdout and the parser never sees it.</li>
 * </ul>
 */
final class Lexer {
    enum Kind {
        END("$end"), TOKEN("'<token>'"), OR("'|'"), AND("'&'"), EQ("'='"), GT("'>'"), LT("'<'"), GE("'>='"),
        LE("'<='"), NE("'!='"), PLUS("'+'"), MINUS("'-'"), MULT("'*'"), DIV("'/'"), MOD("'%'"), COND("'?'"),
        COLONCOLON("'::'"), COMPL("'!'"), COLON("':'"), EQTILDE("'='TILDE"), TILDETILDE("TOK_TILDETILDE"),
        COMMA("','"), LP("'('"), RP("')'");

        /** The name bison reports, after ast_expr2.fl's expr2_token_subst() rewriting. */
        final String display;

        Kind(String display) {
            this.display = display;
        }
    }

    record Token(Kind kind, String text, boolean numeric, int pos) {
    }

    /** Characters that end the text trailing a ${...} reference (the {@code <trail>} state). */
    private static final String TRAIL_DELIMITERS = "-\t\r \n$():?%/+=*<>!|&";

    private final String s;
    private final int n;
    private final List<Token> out = new ArrayList<>();

    private Lexer(String s) {
        this.s = s;
        this.n = s.length();
    }

    static List<Token> tokenize(String s) {
        Lexer lx = new Lexer(s);
        lx.run();
        return lx.out;
    }

    private void run() {
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            Kind op = operator(i);
            if (op != null) {
                int len = operatorLength(op, i);
                out.add(new Token(op, s.substring(i, i + len), false, i));
                i += len;
            } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '{') {
                i = variable(i, i + 2);
                if (i < 0) return; // unterminated ${: the rest of the input is swallowed
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) {
                    i++; // no closing quote: flex echoes the lone '"' and goes on
                } else {
                    out.add(new Token(Kind.TOKEN, s.substring(i, close + 1), false, i));
                    i = close + 1;
                }
            } else {
                int end = wordEnd(i);
                if (end == i) {
                    i++; // no rule matches: dropped
                } else if (end + 1 < n && s.charAt(end) == '$' && s.charAt(end + 1) == '{') {
                    i = variable(i, end + 2);
                    if (i < 0) return;
                } else {
                    out.add(new Token(Kind.TOKEN, s.substring(i, end), end == numberEnd(i), i));
                    i = end;
                }
            }
        }
        out.add(new Token(Kind.END, "", false, n));
    }

    private Kind operator(int i) {
        char c = s.charAt(i);
        char d = i + 1 < n ? s.charAt(i + 1) : '\0';
        return switch (c) {
            case '|' -> Kind.OR;
            case '&' -> Kind.AND;
            case '=' -> d == '~' ? Kind.EQTILDE : Kind.EQ;
            case '~' -> d == '~' ? Kind.TILDETILDE : null;
            case '>' -> d == '=' ? Kind.GE : Kind.GT;
            case '<' -> d == '=' ? Kind.LE : Kind.LT;
            case '!' -> d == '=' ? Kind.NE : Kind.COMPL;
            case '+' -> Kind.PLUS;
            case ',' -> Kind.COMMA;
            case '-' -> Kind.MINUS;
            case '*' -> Kind.MULT;
            case '/' -> Kind.DIV;
            case '%' -> Kind.MOD;
            case '?' -> Kind.COND;
            case ':' -> d == ':' ? Kind.COLONCOLON : Kind.COLON;
            case '(' -> Kind.LP;
            case ')' -> Kind.RP;
            default -> null;
        };
    }

    /** "||", "&amp;&amp;", "==" are synonyms of "|", "&amp;", "="; the rest are one or two characters. */
    private int operatorLength(Kind op, int i) {
        char c = s.charAt(i);
        char d = i + 1 < n ? s.charAt(i + 1) : '\0';
        return switch (op) {
            case EQTILDE, TILDETILDE, GE, LE, NE, COLONCOLON -> 2;
            case OR, AND, EQ -> d == c ? 2 : 1;
            default -> 1;
        };
    }

    private static boolean wordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || ".';\\_^#@".indexOf(c) >= 0 || c >= 0x80;
    }

    /** End of the longest run of word characters and "$x" pairs (x != '{') starting at i. */
    private int wordEnd(int i) {
        int p = i;
        while (p < n) {
            char c = s.charAt(p);
            if (wordChar(c)) {
                p++;
            } else if (c == '$' && p + 1 < n && s.charAt(p + 1) != '{') {
                p += 2;
            } else {
                break;
            }
        }
        return p;
    }

    /** End of {@code [0-9]+(\.[0-9]+)?} at i (i itself when there is no digit). */
    private int numberEnd(int i) {
        int p = i;
        while (p < n && LongDoubleText.isDigit(s.charAt(p))) p++;
        if (p > i && p + 1 < n && s.charAt(p) == '.' && LongDoubleText.isDigit(s.charAt(p + 1))) {
            p++;
            while (p < n && LongDoubleText.isDigit(s.charAt(p))) p++;
        }
        return p;
    }

    /**
     * The {@code <var>} and {@code <trail>} states: balance braces after "${", then take the
     * trailing run up to a delimiter. Returns where scanning resumes, or -1 at end of input
     * inside an unbalanced ${ (flex then returns end-of-input and the text is lost).
     */
    private int variable(int start, int p) {
        int depth = 0;
        while (true) {
            int brace = p;
            while (brace < n && s.charAt(brace) != '{' && s.charAt(brace) != '}') brace++;
            if (brace >= n) {
                // yytext is left at the pending ${ text when it ends the input, else at the end
                out.add(new Token(Kind.END, "", false, p == n ? start : n));
                return -1;
            }
            p = brace + 1;
            if (s.charAt(brace) == '{') {
                depth++;
                continue;
            }
            if (--depth >= 0) continue;
            // <trail>
            int q = p;
            while (q < n && TRAIL_DELIMITERS.indexOf(s.charAt(q)) < 0) q++;
            if (q + 1 < n && s.charAt(q) == '$' && s.charAt(q + 1) == '{') {
                p = q + 2;
                depth = 0;
                continue;
            }
            if (q > p || q >= n) {
                out.add(new Token(Kind.TOKEN, s.substring(start, q), false, start));
                return q;
            }
            // A delimiter right after '}': flex's unput() there leaves yytext unterminated, so
            // Asterisk's token runs to the end of the input; scanning resumes at the delimiter.
            out.add(new Token(Kind.TOKEN, s.substring(start), false, start));
            return q;
        }
    }
}
