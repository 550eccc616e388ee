package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code TOLOWER(string)} (func_strings.c): ASCII letters to lower case, as C's tolower in the C locale. */
public final class ToLowerFunction extends BaseFunction {
    public ToLowerFunction() {
        super("TOLOWER", "func_strings", "Converts a string to lower case.", "TOLOWER(string)",
                """
                Returns string with every letter A-Z turned into a-z; everything else, letters
                outside ASCII included, is left as it is (tolower in the C locale).
                Example: ${TOLOWER(Example)} returns example.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (data == null) return "";
        char[] out = null;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) out = data.toCharArray();
                out[i] = (char) (c + 32);
            }
        }
        return out == null ? data : new String(out);
    }
}
