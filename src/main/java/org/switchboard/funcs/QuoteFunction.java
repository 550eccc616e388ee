package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code QUOTE(string)} (func_strings.c): the string in double quotes, with {@code "} and {@code \} escaped. */
public final class QuoteFunction extends BaseFunction {
    public QuoteFunction() {
        super("QUOTE", "func_strings", "Quotes a string, escaping the quotes inside it.", "QUOTE(string)",
                """
                Returns string between double quotes, with each double quote inside written \\"
                and each backslash written \\\\, so that the result survives another round of
                argument parsing as one argument. An empty string gives "" and a warning.
                Example: ${QUOTE(ab"c"de)} returns "ab\\"c\\"de".""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (data == null || data.isEmpty()) {
            warn("No argument specified!");
            return "\"\"";
        }
        StringBuilder out = new StringBuilder(data.length() + 8).append('"');
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '\\' || c == '"') out.append('\\');
            out.append(c);
        }
        return out.append('"').toString();
    }
}
