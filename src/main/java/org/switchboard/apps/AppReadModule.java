package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_read: Read Variable Application. */
public final class AppReadModule implements Module {
    @Override public String name() { return "app_read"; }
    @Override public String description() { return "Read Variable Application"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new ReadApp());
    }
}
