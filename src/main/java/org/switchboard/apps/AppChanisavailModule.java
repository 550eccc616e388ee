package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_chanisavail: app_chanisavail. */
public final class AppChanisavailModule implements Module {
    @Override public String name() { return "app_chanisavail"; }
    @Override public String description() { return "app_chanisavail"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new ChanIsAvailApp());
    }
}
