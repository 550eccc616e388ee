package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_playtones: Playtones Application. */
public final class AppPlaytonesModule implements Module {
    @Override public String name() { return "app_playtones"; }
    @Override public String description() { return "Playtones Application"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new PlaytonesApp());
        ctx.application(new StopPlaytonesApp());
    }
}
