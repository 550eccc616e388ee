package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code LEN(string)} (func_strings.c): the length of its argument. */
public final class LenFunction extends BaseFunction {
    public LenFunction() {
        super("LEN", "func_strings", "Returns the length of a string.", "LEN(string)",
                """
                Returns how many characters string has; an empty or missing string gives 0.
                The whole text between the parentheses counts, commas included.
                Lengths count characters, where Asterisk counts the bytes of the UTF-8 text.
                Example: ${LEN(example)} returns 7.""");
    }

    @Override
    public String read(Channel channel, String data) {
        return Integer.toString(data == null ? 0 : data.length());
    }
}
