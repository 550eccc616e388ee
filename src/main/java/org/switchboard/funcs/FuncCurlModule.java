package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_curl: func_curl. */
public final class FuncCurlModule implements Module {
    @Override public String name() { return "func_curl"; }
    @Override public String description() { return "func_curl"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new CurlFunction());
        ctx.function(new CurlOptFunction());
    }
}
