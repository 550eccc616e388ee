package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_enum: func_enum. */
public final class FuncEnumModule implements Module {
    @Override public String name() { return "func_enum"; }
    @Override public String description() { return "func_enum"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new EnumLookupFunction());
        ctx.function(new EnumQueryFunction());
        ctx.function(new EnumResultFunction());
    }
}
