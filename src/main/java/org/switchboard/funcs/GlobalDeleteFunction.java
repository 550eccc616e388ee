package org.switchboard.funcs;

import org.switchboard.core.Channel;
import org.switchboard.core.ChannelVariables;
import org.switchboard.core.PbxLog;

/** {@code GLOBAL_DELETE(varname)} (func_global.c, Asterisk 18.21/20.6/21.1): removes a global variable. */
public final class GlobalDeleteFunction extends BaseFunction {
    public GlobalDeleteFunction() {
        super("GLOBAL_DELETE", "func_global", "Deletes a specified global variable.", "GLOBAL_DELETE(varname)", """
                Set(GLOBAL_DELETE(varname)=) removes the global variable varname for every
                channel; the value written is ignored. It succeeds whether the global exists or
                not, and afterwards GLOBAL_EXISTS(varname) is 0. A leading _ or __ on the name is
                dropped. Reading GLOBAL_DELETE is an error.""");
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
        channel.pbx().globals().remove(ChannelVariables.stripInherit(data));
    }
}
