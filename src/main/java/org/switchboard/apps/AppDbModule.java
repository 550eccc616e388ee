package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_db: app_db. */
public final class AppDbModule implements Module {
    @Override public String name() { return "app_db"; }
    @Override public String description() { return "app_db"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new DbDeltreeApp());
    }
}
