package org.switchboard.funcs;

import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** {@code DELETE(varname)} (func_logic.c, Asterisk 18.21/20.6/21.1): removes a channel variable. */
public final class DeleteFunction extends BaseFunction {
    public DeleteFunction() {
        super("DELETE", "func_logic", "Deletes a specified channel variable.", "DELETE(varname)", """
                Set(DELETE(varname)=) removes the channel variable varname; the value written is
                ignored. It succeeds whether the variable exists or not, and afterwards
                VARIABLE_EXISTS(varname) is 0, where Set(varname=) would leave it set to an empty
                value. A leading _ or __ on the name is dropped. Reading DELETE is an error.""");
    }

    @Override
    public String read(Channel channel, String data) {
        PbxLog.error("pbx_functions.c", "Function " + name() + " cannot be read");
        return null;
    }

    @Override public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String data, String value) {
        if (channel == null || FuncArgs.isEmpty(data)) return;
        channel.unsetVar(data);
    }
}
