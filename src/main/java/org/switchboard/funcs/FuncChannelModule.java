package org.switchboard.funcs;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** func_channel: Channel information dialplan functions. */
public final class FuncChannelModule implements Module {
    @Override public String name() { return "func_channel"; }
    @Override public String description() { return "Channel information dialplan functions"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.function(new ChannelFunction());
        ctx.function(new MasterChannelFunction());
    }
}
