package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_evalexten: Extension evaluation dialplan function. */
public final class FuncEvalextenModule implements Module {
    @Override public String name() { return "func_evalexten"; }
    @Override public String description() { return "Extension evaluation dialplan function"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new EvalExtenFunction());
    }
}
