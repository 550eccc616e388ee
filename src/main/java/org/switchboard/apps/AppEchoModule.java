package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_echo: Simple Echo Application. */
public final class AppEchoModule implements Module {
    @Override public String name() { return "app_echo"; }
    @Override public String description() { return "Simple Echo Application"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new EchoApp());
    }
}
