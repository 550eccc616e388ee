package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code TOUPPER(string)} (func_strings.c): ASCII letters to upper case, as C's toupper in the C locale. */
public final class ToUpperFunction extends BaseFunction {
    public ToUpperFunction() {
        super("TOUPPER", "func_strings", "Converts a string to upper case.", "TOUPPER(string)",
                """
                Returns string with every letter a-z turned into A-Z; everything else, letters
                outside ASCII included, is left as it is (toupper in the C locale).
                Example: ${TOUPPER(Example)} returns EXAMPLE.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (data == null) return "";
        char[] out = null;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c >= 'a' && c <= 'z') {
                if (out == null) out = data.toCharArray();
                out[i] = (char) (c - 32);
            }
        }
        return out == null ? data : new String(out);
    }
}
