package org.switchboard.funcs;

import org.switchboard.core.Channel;
import org.switchboard.core.Modules;
import org.switchboard.core.ModuleState;

/** {@code IFMODULE(modulename.so)} (func_module.c): 1 when the module is loaded. */
public final class IfModuleFunction extends BaseFunction {
    public IfModuleFunction() {
        super("IFMODULE", "func_module", "Checks if an Asterisk module is loaded in memory.", "IFMODULE(modulename.so)", """
                Returns 1 when the module is running, as "module show" lists it, else 0. The
                name is compared without regard to case, with or without its .so ending, so
                IFMODULE(app_dial.so) and IFMODULE(APP_DIAL) are the same. A module that
                declined to load, was left out by modules.conf (noload) or was unloaded gives 0,
                and so does a module Switchboard does not have.
                Example: ${IFMODULE(chan_sip.so)}.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (channel == null || FuncArgs.isEmpty(data)) return "0";
        String wanted = Modules.moduleName(data);
        for (ModuleState m : channel.pbx().modules().states()) {
            if (m.name().equalsIgnoreCase(wanted)) return m.status() == ModuleState.Status.RUNNING ? "1" : "0";
        }
        return "0";
    }
}
