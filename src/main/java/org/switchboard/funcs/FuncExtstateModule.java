package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_extstate: func_extstate. */
public final class FuncExtstateModule implements Module {
    @Override public String name() { return "func_extstate"; }
    @Override public String description() { return "func_extstate"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new ExtensionStateFunction());
    }
}
