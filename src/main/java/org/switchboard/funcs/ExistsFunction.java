package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** EXISTS(data): 1 when the text is not empty, else 0 (func_logic). */
public final class ExistsFunction extends BaseFunction {
    public ExistsFunction() {
        super("EXISTS", "func_logic",
                "Tells whether a value is present.",
                "EXISTS(data)",
                "Returns 1 when data holds anything at all, a blank included, and 0 when it is empty. "
                        + "The opposite of ISNULL().");
    }

    @Override
    public String read(Channel channel, String args) { return FuncArgs.isEmpty(args) ? "0" : "1"; }
}
