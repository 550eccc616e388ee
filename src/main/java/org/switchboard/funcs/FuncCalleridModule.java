package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_callerid: Party ID related dialplan functions (Caller-ID, Connected-line, Redirecting). */
public final class FuncCalleridModule implements Module {
    @Override public String name() { return "func_callerid"; }
    @Override public String description() { return "Party ID related dialplan functions (Caller-ID, Connected-line, Redirecting)"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new CallerIdFunction());
        ctx.function(new ConnectedLineFunction());
    }
}
