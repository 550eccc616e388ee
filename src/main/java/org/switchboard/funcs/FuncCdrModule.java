package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_cdr: func_cdr. */
public final class FuncCdrModule implements Module {
    @Override public String name() { return "func_cdr"; }
    @Override public String description() { return "func_cdr"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new CdrFunction());
        ctx.function(new CdrPropFunction());
    }
}
