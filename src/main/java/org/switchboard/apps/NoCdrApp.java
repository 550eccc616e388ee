package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.res.cdr.CdrEngine;
import org.switchboard.res.cdr.CdrProperty;

/** NoCDR(): no call detail record for this channel (app_cdr; deprecated for CDR_PROP(disable)=1). */
public final class NoCdrApp implements Application {
    @Override public String name() { return "NoCDR"; }
    @Override public String synopsis() { return "Tell Asterisk to not maintain a CDR for this channel."; }
    @Override public String syntax() { return "NoCDR()"; }

    @Override
    public String description() {
        return """
                Tells the CDR engine not to keep a record for the current channel. The information
                is still tracked, but when the channel hangs up no record of it is written. A later
                ResetCDR(e) enables the records not yet finished again.
                This application is deprecated: use CDR_PROP(disable)=1.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        if (!CdrEngine.of(channel.pbx()).setProperty(channel, CdrProperty.DISABLE, true)) {
            PbxLog.warning("app_cdr.c", "Failed to disable CDRs on channel " + channel.name());
        }
        return Result.CONTINUE;
    }
}
