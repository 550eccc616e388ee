package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_readexten: app_readexten. */
public final class AppReadextenModule implements Module {
    @Override public String name() { return "app_readexten"; }
    @Override public String description() { return "app_readexten"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new ReadExtenApp());
    }
}
