package org.switchboard.funcs;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.switchboard.core.Channel;

/**
 * {@code REGEX("regex" string)} (func_strings.c): 1 when a POSIX extended regular expression
 * matches somewhere in the string. Arguments are split at double quotes the way Asterisk's
 * {@code AST_NONSTANDARD_APP_ARGS(args, parse, '"')} does, so a single backslash inside the
 * quotes is removed before the expression is compiled (write {@code \\} for one). The POSIX
 * syntax is translated to java.util.regex: bracket expressions keep their POSIX meaning
 * ({@code [[:digit:]]}, a backslash is literal inside brackets) and GNU's {@code \<}/{@code \>}
 * become word boundaries.
 */
public final class RegexFunction extends BaseFunction {
    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "\\p{Digit}"), Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s"),
            Map.entry("blank", "\\p{Blank}"), Map.entry("punct", "\\p{Punct}"), Map.entry("print", "\\p{Print}"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("xdigit", "\\p{XDigit}"));

    public RegexFunction() {
        super("REGEX", "func_strings", "Checks a string against a regular expression.",
                "REGEX(\"regular expression\" string)",
                """
                Returns 1 when the POSIX extended regular expression between the double quotes
                matches anywhere in string, else 0. One space (or tab) after the closing quote
                separates the two and is skipped; to start the string with a space, write two.
                Inside the quotes a backslash escapes the next character and is removed, as in
                other arguments, so a regex backslash is written \\\\ (\\\\. for a literal dot).
                A malformed expression is a warning and gives nothing.
                Example: ${REGEX("^[0-9]+$" ${EXTEN})} is 1 for an all-digit extension.""");
    }

    @Override
    public String read(Channel channel, String data) {
        String[] args = FuncArgs.separate(data, '"', true, 3);
        if (args[2] == null) {
            error("Unexpected arguments: should have been in the form '\"<regex>\" <string>'");
            return null;
        }
        String str = args[2];
        if (!str.isEmpty() && (str.charAt(0) == ' ' || str.charAt(0) == '\t')) str = str.substring(1);
        Pattern p;
        try {
            p = Pattern.compile(toJava(args[1]));
        } catch (IllegalArgumentException e) {
            String why = e instanceof PatternSyntaxException pse ? pse.getDescription() : e.getMessage();
            warn("Malformed input REGEX(" + args[0] + "): " + why);
            return null;
        }
        return p.matcher(str).find() ? "1" : "0";
    }

    private static final class Bad extends IllegalArgumentException {
        Bad(String why) { super(why); }
    }

    /** Rewrites a POSIX extended regular expression (with GNU extensions) as a java.util.regex pattern. */
    static String toJava(String ere) {
        StringBuilder out = new StringBuilder(ere.length() + 8);
        int i = 0, n = ere.length();
        while (i < n) {
            char c = ere.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char e = ere.charAt(i + 1);
                if (e == '<' || e == '>') out.append("\\b");
                else if (Character.isLetterOrDigit(e) && "wWsSbB123456789".indexOf(e) < 0) out.append(e);  // \d is just d in POSIX
                else out.append('\\').append(e);
                i += 2;
            } else if (c == '[') {
                i = bracket(ere, i + 1, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** A POSIX bracket expression starting after '['; returns the index after its ']'. */
    private static int bracket(String s, int i, StringBuilder out) {
        int n = s.length();
        out.append('[');
        if (i < n && s.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        boolean first = true;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ']' && !first) {
                out.append(']');
                return i + 1;
            }
            first = false;
            if (c == '[' && i + 1 < n && (s.charAt(i + 1) == ':' || s.charAt(i + 1) == '=' || s.charAt(i + 1) == '.')) {
                char kind = s.charAt(i + 1);
                int end = s.indexOf(kind + "]", i + 2);
                if (end < 0) throw new Bad("unterminated [" + kind + " in bracket expression");
                String word = s.substring(i + 2, end);
                if (kind == ':') {
                    String cls = CLASSES.get(word);
                    if (cls == null) throw new Bad("invalid character class [:" + word + ":]");
                    out.append(cls);
                } else {
                    for (int k = 0; k < word.length(); k++) literal(word.charAt(k), out);
                }
                i = end + 2;
                continue;
            }
            if (c == '-') {
                out.append('-');
            } else {
                literal(c, out);
            }
            i++;
        }
        throw new Bad("unmatched [ or [^");
    }

    /** A character that is literal inside a POSIX bracket but may be special inside a Java one. */
    private static void literal(char c, StringBuilder out) {
        if (c == '\\' || c == '[' || c == ']' || c == '&' || c == '^') out.append('\\');
        out.append(c);
    }
}
