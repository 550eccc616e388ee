package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_timeout: Channel timeout dialplan functions. */
public final class FuncTimeoutModule implements Module {
    @Override public String name() { return "func_timeout"; }
    @Override public String description() { return "Channel timeout dialplan functions"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new TimeoutFunction());
    }
}
