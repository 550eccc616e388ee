package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_sprintf: SPRINTF dialplan function. */
public final class FuncSprintfModule implements Module {
    @Override public String name() { return "func_sprintf"; }
    @Override public String description() { return "SPRINTF dialplan function"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new SprintfFunction());
    }
}
