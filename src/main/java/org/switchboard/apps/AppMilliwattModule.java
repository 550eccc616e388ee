package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_milliwatt: app_milliwatt. */
public final class AppMilliwattModule implements Module {
    @Override public String name() { return "app_milliwatt"; }
    @Override public String description() { return "app_milliwatt"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new MilliwattApp());
    }
}
