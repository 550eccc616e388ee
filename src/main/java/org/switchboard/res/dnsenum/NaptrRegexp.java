package org.switchboard.res.dnsenum;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A NAPTR substitution expression (RFC 3402 §3.2): {@code delim ere delim repl delim flags}, the
 * delimiter being its first character (not a digit, not a backslash), {@code \1}..{@code \9} in
 * the replacement naming the groups, the flag {@code i} matching without case. Parsing returns an
 * error text instead of throwing: a record that carries a bad one is skipped, the others serve.
 */
public final class NaptrRegexp {
    private final Pattern pattern;
    private final String replacement;

    private NaptrRegexp(Pattern pattern, String replacement) {
        this.pattern = pattern;
        this.replacement = replacement;
    }

    /** The result of parsing: the expression, or why it cannot be one. */
    public record Parsed(NaptrRegexp regexp, String error) {}

    public static Parsed parse(String text) {
        if (text == null || text.length() < 3) return new Parsed(null, "too short to be delim-ere-delim-repl-delim");
        char d = text.charAt(0);
        if (Character.isDigit(d) || d == '\\' || d == 'i') return new Parsed(null, "'" + d + "' cannot be the delimiter");
        int second = unescaped(text, d, 1);
        int third = second < 0 ? -1 : unescaped(text, d, second + 1);
        if (third < 0) return new Parsed(null, "it needs three '" + d + "' delimiters");
        String flags = text.substring(third + 1);
        if (!flags.isEmpty() && !flags.equals("i")) return new Parsed(null, "unknown flags '" + flags + "'");
        String ere = unescapeDelimiter(text.substring(1, second), d);
        try {
            Pattern p = Pattern.compile(ere, flags.equals("i") ? Pattern.CASE_INSENSITIVE : 0);
            String repl = unescapeDelimiter(text.substring(second + 1, third), d);
            for (int i = 0; i < repl.length(); i++) {
                if (repl.charAt(i) == '\\' && i + 1 < repl.length() && Character.isDigit(repl.charAt(i + 1))
                        && repl.charAt(i + 1) - '0' > p.matcher("").groupCount()) {
                    return new Parsed(null, "the replacement names group " + repl.charAt(i + 1) + " the expression does not have");
                }
            }
            return new Parsed(new NaptrRegexp(p, repl), null);
        } catch (PatternSyntaxException e) {
            return new Parsed(null, "bad expression: " + e.getDescription());
        }
    }

    private static int unescaped(String s, char d, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') i++;
            else if (s.charAt(i) == d) return i;
        }
        return -1;
    }

    private static String unescapeDelimiter(String s, char d) { return s.replace("\\" + d, String.valueOf(d)); }

    /** The rule applied to the application unique string (the number, {@code +4930123}); null when it does not match. */
    public String apply(String aus) {
        Matcher m = pattern.matcher(aus);
        if (!m.find()) return null;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < replacement.length(); i++) {
            char ch = replacement.charAt(i);
            if (ch == '\\' && i + 1 < replacement.length()) {
                char n = replacement.charAt(++i);
                if (Character.isDigit(n)) {
                    String g = m.group(n - '0');
                    if (g != null) out.append(g);
                } else {
                    out.append(n);
                }
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
