package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_math: Mathematical dialplan function. */
public final class FuncMathModule implements Module {
    @Override public String name() { return "func_math"; }
    @Override public String description() { return "Mathematical dialplan function"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new MathFunction());
        ctx.function(new IncFunction());
        ctx.function(new DecFunction());
        ctx.function(new MinFunction());
        ctx.function(new MaxFunction());
        ctx.function(new AbsFunction());
    }
}
