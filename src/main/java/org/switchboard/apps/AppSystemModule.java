package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_system: app_system. */
public final class AppSystemModule implements Module {
    @Override public String name() { return "app_system"; }
    @Override public String description() { return "app_system"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new SystemApp());
        ctx.application(new TrySystemApp());
    }
}
