package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_verbose: Send verbose output. */
public final class AppVerboseModule implements Module {
    @Override public String name() { return "app_verbose"; }
    @Override public String description() { return "Send verbose output"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new VerboseApp());
        ctx.application(new LogApp());
    }
}
