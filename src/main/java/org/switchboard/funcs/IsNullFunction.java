package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** ISNULL(data): 1 when the text is empty, else 0 (func_logic). */
public final class IsNullFunction extends BaseFunction {
    public IsNullFunction() {
        super("ISNULL", "func_logic",
                "Tells whether a value is empty.",
                "ISNULL(data)",
                "Returns 1 when data is empty and 0 when it holds anything at all, a blank included. "
                        + "Usually written as ${ISNULL(${VAR})}, which is 1 both for a variable that was never set and for "
                        + "one set to nothing. The opposite of EXISTS().");
    }

    @Override
    public String read(Channel channel, String args) { return FuncArgs.isEmpty(args) ? "1" : "0"; }
}
