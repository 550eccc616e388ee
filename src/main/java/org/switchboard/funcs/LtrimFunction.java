package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code LTRIM(string)} (func_strings.c, Asterisk 20.1+): leading blanks removed, as ast_skip_blanks. */
public final class LtrimFunction extends BaseFunction {
    public LtrimFunction() {
        super("LTRIM", "func_strings", "Removes leading whitespace.", "LTRIM(string)",
                """
                Returns string without the blanks at its start (every character below '!', as
                Asterisk's ast_skip_blanks counts them). An empty string gives nothing.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (data == null || data.isEmpty()) return null;
        return trimStart(data);
    }

    static String trimStart(String s) {
        int a = 0;
        while (a < s.length() && s.charAt(a) < 33) a++;
        return s.substring(a);
    }
}
