package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** VARIABLE_EXISTS(varname): 1 when the channel variable is set (func_global). */
public final class VariableExistsFunction extends BaseFunction {
    public VariableExistsFunction() {
        super("VARIABLE_EXISTS", "func_global",
                "Tells whether a channel variable is set.",
                "VARIABLE_EXISTS(varname)",
                "Returns 1 when the channel has the variable varname, even set to an empty value, and 0 when it "
                        + "does not. Only the channel's own variables count: a global of the same name and the "
                        + "built-in variables (EXTEN, CONTEXT, ...) do not. Unlike ISNULL(${varname}), this tells an "
                        + "empty variable from a missing one. (Asterisk has it since 18.21, 20.6 and 21.1.)");
    }

    @Override
    public String read(Channel channel, String args) {
        if (noChannel(channel)) return "";
        if (FuncArgs.isEmpty(args)) return "0";
        return channel.getVar(args) != null ? "1" : "0";
    }
}
