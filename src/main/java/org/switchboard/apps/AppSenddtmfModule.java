package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_senddtmf: app_senddtmf. */
public final class AppSenddtmfModule implements Module {
    @Override public String name() { return "app_senddtmf"; }
    @Override public String description() { return "app_senddtmf"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new SendDtmfApp());
    }
}
