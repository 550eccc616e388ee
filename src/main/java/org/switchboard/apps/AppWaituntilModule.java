package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_waituntil: app_waituntil. */
public final class AppWaituntilModule implements Module {
    @Override public String name() { return "app_waituntil"; }
    @Override public String description() { return "app_waituntil"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new WaitUntilApp());
    }
}
