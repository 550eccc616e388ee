package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code PASSTHRU(string)} (func_strings.c): its argument, unchanged. */
public final class PassthruFunction extends BaseFunction {
    public PassthruFunction() {
        super("PASSTHRU", "func_strings", "Returns its argument unchanged.", "PASSTHRU([string])",
                """
                Returns string exactly as given. Functions that take the name of a variable (CUT,
                FIELDQTY, REPLACE, ...) read it as ${name}, so naming PASSTHRU(text) instead of a
                variable lets them work on literal text. Pass PASSTHRU(...) itself as that name,
                not ${PASSTHRU(...)}.
                Example: with ${CHANNEL} SIP/321-1, ${CUT(PASSTHRU(${CUT(CHANNEL,-,1)}),/,2)}
                returns 321.""");
    }

    @Override
    public String read(Channel channel, String data) {
        return data == null ? "" : data;
    }
}
