package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code TRIM(string)} (func_strings.c, Asterisk 20.1+): leading and trailing blanks removed, as ast_strip. */
public final class TrimFunction extends BaseFunction {
    public TrimFunction() {
        super("TRIM", "func_strings", "Removes leading and trailing whitespace.", "TRIM(string)",
                """
                Returns string without the blanks at its start and end. As in Asterisk, a blank
                is any control character or space (every character below '!'); blanks inside the
                string stay. An empty string gives nothing.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (data == null || data.isEmpty()) return null;
        return RtrimFunction.trimEnd(LtrimFunction.trimStart(data));
    }
}
