package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_md5: func_md5. */
public final class FuncMd5Module implements Module {
    @Override public String name() { return "func_md5"; }
    @Override public String description() { return "func_md5"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new Md5Function());
    }
}
