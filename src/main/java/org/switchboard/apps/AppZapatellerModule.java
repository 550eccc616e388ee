package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_zapateller: app_zapateller. */
public final class AppZapatellerModule implements Module {
    @Override public String name() { return "app_zapateller"; }
    @Override public String description() { return "app_zapateller"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new ZapatellerApp());
    }
}
