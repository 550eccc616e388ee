package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_module: func_module. */
public final class FuncModuleModule implements Module {
    @Override public String name() { return "func_module"; }
    @Override public String description() { return "func_module"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new IfModuleFunction());
    }
}
