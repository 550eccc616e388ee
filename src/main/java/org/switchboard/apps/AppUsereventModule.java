package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_userevent: Custom User Event Application. */
public final class AppUsereventModule implements Module {
    @Override public String name() { return "app_userevent"; }
    @Override public String description() { return "Custom User Event Application"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new UserEventApp());
    }
}
