package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_dial: Dialing Application. */
public final class AppDialModule implements Module {
    @Override public String name() { return "app_dial"; }
    @Override public String description() { return "Dialing Application"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new DialApp());
    }
}
