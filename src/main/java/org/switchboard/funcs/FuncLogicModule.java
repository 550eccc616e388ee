package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_logic: Logical dialplan functions. */
public final class FuncLogicModule implements Module {
    @Override public String name() { return "func_logic"; }
    @Override public String description() { return "Logical dialplan functions"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new IsNullFunction());
        ctx.function(new SetFunction());
        ctx.function(new ExistsFunction());
        ctx.function(new IfFunction());
        ctx.function(new IfTimeFunction());
        ctx.function(new ImportFunction());
        ctx.function(new DeleteFunction());
    }
}
