package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_originate: app_originate. */
public final class AppOriginateModule implements Module {
    @Override public String name() { return "app_originate"; }
    @Override public String description() { return "app_originate"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new OriginateApp());
    }
}
