package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_uri: func_uri. */
public final class FuncUriModule implements Module {
    @Override public String name() { return "func_uri"; }
    @Override public String description() { return "func_uri"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new UriEncodeFunction());
        ctx.function(new UriDecodeFunction());
    }
}
