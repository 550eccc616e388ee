package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_rand: Random number dialplan function. */
public final class FuncRandModule implements Module {
    @Override public String name() { return "func_rand"; }
    @Override public String description() { return "Random number dialplan function"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new RandFunction());
    }
}
