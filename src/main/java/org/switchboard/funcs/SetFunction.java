package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** SET(varname=value): assigns like Set() and gives the value back (func_logic). */
public final class SetFunction extends BaseFunction {
    public SetFunction() {
        super("SET", "func_logic",
                "Assigns a value to a channel variable and returns that value.",
                "SET(varname=[value])",
                "Does what the Set() application does, from inside an expression: varname (everything before the "
                        + "first '=') is set to value, and the function returns value, so ${SET(COUNT=0)} both resets "
                        + "COUNT and prints 0. Blanks around the name and the value are removed. varname may carry the "
                        + "_ or __ inheritance marks, or name a writable function such as CALLERID(name). Without a "
                        + "channel the variable is set as a global.");
    }

    @Override
    public String read(Channel channel, String args) {
        int eq = args == null ? -1 : args.indexOf('=');
        String varName = eq < 0 ? null : FuncArgs.strip(args.substring(0, eq));
        if (FuncArgs.isEmpty(varName)) {
            warn("Syntax SET(<varname>=[<value>])");
            return "";
        }
        String value = FuncArgs.strip(args.substring(eq + 1));
        if (channel != null) channel.pbx().vars().set(channel, varName, value);
        else warn("No channel was provided to SET function.");
        return value;
    }
}
