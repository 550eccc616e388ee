package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_cdr: app_cdr. */
public final class AppCdrModule implements Module {
    @Override public String name() { return "app_cdr"; }
    @Override public String description() { return "app_cdr"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new ResetCdrApp());
        ctx.application(new NoCdrApp());
    }
}
