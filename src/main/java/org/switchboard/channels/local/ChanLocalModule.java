package org.switchboard.channels.local;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;

/** chan_local: Local Proxy Channel (Note: used internally by other modules). */
public final class ChanLocalModule implements Module {
    @Override public String name() { return "chan_local"; }
    @Override public String description() { return "Local Proxy Channel (Note: used internally by other modules)"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.channelDriver(new LocalChannelDriver());
    }
}
