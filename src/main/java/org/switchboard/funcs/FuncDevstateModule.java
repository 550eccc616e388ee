package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.res.cli.commands.DevstateChange;
import org.switchboard.res.cli.commands.DevstateList;

/** func_devstate: func_devstate. */
public final class FuncDevstateModule implements Module {
    @Override public String name() { return "func_devstate"; }
    @Override public String description() { return "func_devstate"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new DeviceStateFunction());
        ctx.function(new HintFunction());
        ctx.cliCommand(new DevstateList());
        ctx.cliCommand(new DevstateChange());
    }
}
