package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_while: While Loops and Conditional Execution. */
public final class AppWhileModule implements Module {
    @Override public String name() { return "app_while"; }
    @Override public String description() { return "While Loops and Conditional Execution"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new WhileApp());
        ctx.application(new EndWhileApp());
        ctx.application(new ExitWhileApp());
        ctx.application(new ContinueWhileApp());
    }
}
