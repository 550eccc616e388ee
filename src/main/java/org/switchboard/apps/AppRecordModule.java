package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_record: Trivial Record Application. */
public final class AppRecordModule implements Module {
    @Override public String name() { return "app_record"; }
    @Override public String description() { return "Trivial Record Application"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new RecordApp());
    }
}
