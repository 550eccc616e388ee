package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_env: func_env. */
public final class FuncEnvModule implements Module {
    @Override public String name() { return "func_env"; }
    @Override public String description() { return "func_env"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new EnvFunction());
        ctx.function(new StatFunction());
        ctx.function(new FileFunction());
        ctx.function(new FileCountLineFunction());
        ctx.function(new FileFormatFunction());
    }
}
