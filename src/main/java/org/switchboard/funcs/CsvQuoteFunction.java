package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code CSV_QUOTE(string)} (func_strings.c): the string quoted for a CSV field, quotes doubled. */
public final class CsvQuoteFunction extends BaseFunction {
    public CsvQuoteFunction() {
        super("CSV_QUOTE", "func_strings", "Quotes a string for a CSV file, doubling the quotes inside it.",
                "CSV_QUOTE(string)",
                """
                Returns string between double quotes with each double quote inside doubled, the
                way a CSV field is written. An empty string gives "".
                Example: ${CSV_QUOTE("a,b" 123)} returns \"\"\"a,b\"\" 123\".""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (data == null || data.isEmpty()) return "\"\"";
        StringBuilder out = new StringBuilder(data.length() + 8).append('"');
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '"') out.append('"');
            out.append(c);
        }
        return out.append('"').toString();
    }
}
