package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_global: Variable dialplan functions. */
public final class FuncGlobalModule implements Module {
    @Override public String name() { return "func_global"; }
    @Override public String description() { return "Variable dialplan functions"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new VariableExistsFunction());
        ctx.function(new GlobalFunction());
        ctx.function(new GlobalExistsFunction());
        ctx.function(new SharedFunction());
        ctx.function(new GlobalDeleteFunction());
    }
}
