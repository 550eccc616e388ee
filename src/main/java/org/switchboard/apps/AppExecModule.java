package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** app_exec: Executes dialplan applications. */
public final class AppExecModule implements Module {
    @Override public String name() { return "app_exec"; }
    @Override public String description() { return "Executes dialplan applications"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new ExecIfApp());
        ctx.application(new ExecApp());
        ctx.application(new TryExecApp());
    }
}
