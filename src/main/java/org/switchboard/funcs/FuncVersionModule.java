package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_version: func_version. */
public final class FuncVersionModule implements Module {
    @Override public String name() { return "func_version"; }
    @Override public String description() { return "func_version"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new VersionFunction());
    }
}
