package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_sha1: func_sha1. */
public final class FuncSha1Module implements Module {
    @Override public String name() { return "func_sha1"; }
    @Override public String description() { return "func_sha1"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new Sha1Function());
    }
}
