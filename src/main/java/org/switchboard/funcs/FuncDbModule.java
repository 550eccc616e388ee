package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_db: func_db. */
public final class FuncDbModule implements Module {
    @Override public String name() { return "func_db"; }
    @Override public String description() { return "func_db"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new DbFunction());
        ctx.function(new DbExistsFunction());
        ctx.function(new DbDeleteFunction());
        ctx.function(new DbKeysFunction());
    }
}
