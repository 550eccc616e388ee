package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** GLOBAL_EXISTS(varname): 1 when the global variable is set (func_global). */
public final class GlobalExistsFunction extends BaseFunction {
    public GlobalExistsFunction() {
        super("GLOBAL_EXISTS", "func_global",
                "Tells whether a global variable is set.",
                "GLOBAL_EXISTS(varname)",
                "Returns 1 when the global variable varname is set, even to an empty value, and 0 when it is not. "
                        + "Unlike ISNULL(${GLOBAL(varname)}), this tells an empty global from a missing one. "
                        + "(Asterisk has it since 18.21, 20.6 and 21.1.)");
    }

    @Override
    public String read(Channel channel, String args) {
        if (noChannel(channel) || FuncArgs.isEmpty(args)) return "0";
        return channel.pbx().globals().containsKey(args) ? "1" : "0";
    }
}
