package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_privacy: app_privacy. */
public final class AppPrivacyModule implements Module {
    @Override public String name() { return "app_privacy"; }
    @Override public String description() { return "app_privacy"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new PrivacyManagerApp());
    }
}
