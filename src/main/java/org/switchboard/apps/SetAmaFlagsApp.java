package org.switchboard.apps;

import org.switchboard.core.AmaFlags;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** SetAMAFlags([flag]): the channel's AMA flags for billing (pbx_builtins; deprecated in Asterisk 20, gone in 21). */
public final class SetAmaFlagsApp implements Application {
    @Override public String name() { return "SetAMAFlags"; }
    @Override public String synopsis() { return "Set the AMA Flags."; }
    @Override public String syntax() { return "SetAMAFlags([flag])"; }

    @Override
    public String description() {
        return """
                Sets the channel's AMA flags, which its call detail records carry for billing:
                OMIT, BILLING or DOCUMENTATION (or their numbers 1, 2, 3).
                This application is deprecated: use Set(CHANNEL(amaflags)=...).""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        PbxLog.warning("pbx_builtins.c", "The SetAMAFlags application is deprecated. Please use the CHANNEL function instead.");
        if (data == null || data.isEmpty()) {
            PbxLog.warning("pbx_builtins.c", "No parameter passed to SetAMAFlags");
            return Result.CONTINUE;
        }
        channel.setAmaFlags(AmaFlags.parse(data));
        return Result.CONTINUE;
    }
}
