package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.funcs.LocalFunction;
import org.switchboard.funcs.LocalPeekFunction;

/** app_stack: Dialplan subroutines (Gosub, Return, etc). */
public final class AppStackModule implements Module {
    @Override public String name() { return "app_stack"; }
    @Override public String description() { return "Dialplan subroutines (Gosub, Return, etc)"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new GosubApp());
        ctx.application(new GosubIfApp());
        ctx.application(new ReturnApp());
        ctx.application(new StackPopApp());
        ctx.function(new LocalFunction());
        ctx.function(new LocalPeekFunction());
    }
}
