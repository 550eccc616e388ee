package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_groupcount: func_groupcount. */
public final class FuncGroupcountModule implements Module {
    @Override public String name() { return "func_groupcount"; }
    @Override public String description() { return "func_groupcount"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new GroupFunction());
        ctx.function(new GroupCountFunction());
        ctx.function(new GroupMatchCountFunction());
        ctx.function(new GroupListFunction());
    }
}
