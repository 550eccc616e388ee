package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code KEYPADHASH(string)} (func_strings.c): letters to the telephone keypad digits that carry them. */
public final class KeypadHashFunction extends BaseFunction {
    private static final String[] KEYS = {"0", "1", "AaBbCc2", "DdEeFf3", "GgHhIi4", "JjKkLl5", "MmNnOo6",
            "PpQqRrSs7", "TtUuVv8", "WwXxYyZz9"};

    public KeypadHashFunction() {
        super("KEYPADHASH", "func_strings", "Turns the letters of a string into keypad digits.", "KEYPADHASH(string)",
                """
                Returns, for each letter and digit of string, the telephone keypad key that
                carries it (ABC on 2 through WXYZ on 9; Q on 7 and Z on 9). Digits stay as they
                are; any other character is dropped.
                Example: ${KEYPADHASH(Les)} returns 537.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (data == null) return "";
        StringBuilder out = new StringBuilder(data.length());
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            for (int k = 0; k < KEYS.length; k++) {
                if (KEYS[k].indexOf(c) >= 0) {
                    out.append((char) ('0' + k));
                    break;
                }
            }
        }
        return out.toString();
    }
}
