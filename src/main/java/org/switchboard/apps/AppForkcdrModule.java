package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_forkcdr: app_forkcdr. */
public final class AppForkcdrModule implements Module {
    @Override public String name() { return "app_forkcdr"; }
    @Override public String description() { return "app_forkcdr"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new ForkCdrApp());
    }
}
