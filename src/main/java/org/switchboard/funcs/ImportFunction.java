package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** IMPORT(channel,variable): a variable as another channel sees it (func_logic). */
public final class ImportFunction extends BaseFunction {
    public ImportFunction() {
        super("IMPORT", "func_logic",
                "Reads a variable of another channel.",
                "IMPORT(channel,variable)",
                "Returns ${variable} evaluated on the channel named channel (its full name, such as "
                        + "SIP/alice-00000001, or its unique ID), so built-in variables and the other channel's own "
                        + "variables are seen as that channel sees them. variable may also be an expression such as "
                        + "CALLERID(num) or VAR:0:3. When the channel does not exist, or no variable is named, the "
                        + "result is empty.");
    }

    @Override
    public String read(Channel channel, String args) {
        String[] a = FuncArgs.standard(args, 2);
        String target = a[0];
        String variable = a[1];
        if (FuncArgs.isEmpty(variable) || channel == null) return "";
        Channel other = channel.pbx().channels().byName(FuncArgs.orEmpty(target));
        if (other == null) other = channel.pbx().channels().byUniqueId(FuncArgs.orEmpty(target));
        if (other == null) return "";
        if (FuncArgs.isPlainName(variable)) {
            return FuncArgs.orEmpty(other.pbx().vars().get(other, variable));
        }
        return other.pbx().substitute(other, "${" + variable + "}");
    }
}
