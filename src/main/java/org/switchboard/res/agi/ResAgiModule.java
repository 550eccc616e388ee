package org.switchboard.res.agi;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** res_agi: res_agi. */
public final class ResAgiModule implements Module {
    @Override public String name() { return "res_agi"; }
    @Override public String description() { return "res_agi"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new AgiApp());
        ctx.application(new EagiApp());
        ctx.application(new DeadAgiApp());
        ctx.managerAction(new AgiManagerAction());
        ctx.cliCommand(new AgiSetDebugCommand());
        ctx.cliCommand(new AgiShowCommandsCommand());
        ctx.cliCommand(new AgiExecCommand());
    }
}
