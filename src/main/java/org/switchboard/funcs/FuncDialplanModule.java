package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_dialplan: Dialplan Context/Extension/Priority Checking Functions. */
public final class FuncDialplanModule implements Module {
    @Override public String name() { return "func_dialplan"; }
    @Override public String description() { return "Dialplan Context/Extension/Priority Checking Functions"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new DialplanExistsFunction());
        ctx.function(new ValidExtenFunction());
    }
}
