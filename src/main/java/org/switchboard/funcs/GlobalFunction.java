package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** GLOBAL(varname): reads or sets a global variable (func_global). */
public final class GlobalFunction extends BaseFunction {
    public GlobalFunction() {
        super("GLOBAL", "func_global",
                "Reads or sets a global variable.",
                "GLOBAL(varname)",
                "Reading returns the global variable varname, or nothing when it is not set, even when the channel "
                        + "has a variable of the same name. Set(GLOBAL(varname)=value) sets the global for every "
                        + "channel, as [globals] in extensions.conf does; a leading _ or __ on the name is dropped.");
    }

    @Override
    public String read(Channel channel, String args) {
        if (noChannel(channel) || FuncArgs.isEmpty(args)) return "";
        return FuncArgs.orEmpty(channel.pbx().globals().get(args));
    }

    @Override
    public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String args, String value) {
        if (noChannel(channel)) return;
        if (FuncArgs.isEmpty(args)) {
            warn("GLOBAL() requires a variable name: Set(GLOBAL(<varname>)=<value>)");
            return;
        }
        channel.pbx().vars().set(null, args, value == null ? "" : value);
    }
}
