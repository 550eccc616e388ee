package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_festival: app_festival. */
public final class AppFestivalModule implements Module {
    @Override public String name() { return "app_festival"; }
    @Override public String description() { return "app_festival"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new FestivalApp());
    }
}
