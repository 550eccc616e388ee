package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_authenticate: app_authenticate. */
public final class AppAuthenticateModule implements Module {
    @Override public String name() { return "app_authenticate"; }
    @Override public String description() { return "app_authenticate"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new AuthenticateApp());
    }
}
