package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code RTRIM(string)} (func_strings.c, Asterisk 20.1+): trailing blanks removed, as ast_trim_blanks. */
public final class RtrimFunction extends BaseFunction {
    public RtrimFunction() {
        super("RTRIM", "func_strings", "Removes trailing whitespace.", "RTRIM(string)",
                """
                Returns string without the blanks at its end (every character below '!', as
                Asterisk's ast_trim_blanks counts them). An empty string gives nothing.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (data == null || data.isEmpty()) return null;
        return trimEnd(data);
    }

    static String trimEnd(String s) {
        int b = s.length();
        while (b > 0 && s.charAt(b - 1) < 33) b--;
        return s.substring(0, b);
    }
}
