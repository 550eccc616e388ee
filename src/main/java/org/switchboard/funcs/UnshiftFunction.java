package org.switchboard.funcs;

import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** {@code Set(UNSHIFT(varname[,delimiter])=value)} (func_strings.c): inserts at the start of a delimited list. */
public final class UnshiftFunction extends BaseFunction {
    public UnshiftFunction() {
        super("UNSHIFT", "func_strings", "Inserts one or more values at the beginning of a variable holding a delimited list.",
                "UNSHIFT(varname[,delimiter])",
                """
                Write-only. Set(UNSHIFT(array)=value) puts value in front of the list held in
                the variable array, joined with the delimiter (a comma by default; one
                character, which may be encoded as \\n, \\r, \\t, \\0nnn or \\xHH). A list of
                values goes in as it is: Set(UNSHIFT(array)=one,two,three) puts one, two and
                three before the existing items. A leading _ or __ on varname marks the
                variable for inheritance, as with Set.""");
    }

    @Override
    public String read(Channel channel, String data) {
        PbxLog.error("pbx_functions.c", "Function " + name() + " cannot be read");
        return null;
    }

    @Override
    public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String data, String value) {
        PushFunction.add(this, channel, data, value, true);
    }
}
