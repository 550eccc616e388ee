package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_disa: app_disa. */
public final class AppDisaModule implements Module {
    @Override public String name() { return "app_disa"; }
    @Override public String description() { return "app_disa"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new DisaApp());
    }
}
