package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_hangupcause: HANGUPCAUSE related functions and applications. */
public final class FuncHangupcauseModule implements Module {
    @Override public String name() { return "func_hangupcause"; }
    @Override public String description() { return "HANGUPCAUSE related functions and applications"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new HangupCauseFunction());
        ctx.function(new HangupCauseKeysFunction());
    }
}
