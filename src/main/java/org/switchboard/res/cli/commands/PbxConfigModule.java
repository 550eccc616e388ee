package org.switchboard.res.cli.commands;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** pbx_config: Text Extension Configuration. */
public final class PbxConfigModule implements Module {
    @Override public String name() { return "pbx_config"; }
    @Override public String description() { return "Text Extension Configuration"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.cliCommand(new DialplanShow());
        ctx.cliCommand(new DialplanShowGlobals());
        ctx.cliCommand(new DialplanReload());
    }
}
