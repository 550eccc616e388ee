package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_sysinfo: func_sysinfo. */
public final class FuncSysinfoModule implements Module {
    @Override public String name() { return "func_sysinfo"; }
    @Override public String description() { return "func_sysinfo"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new SysinfoFunction());
    }
}
