package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.res.cdr.CdrEngine;
import org.switchboard.res.cdr.CdrProperty;

/** ResetCDR([options]): starts the channel's call detail records over (app_cdr). */
public final class ResetCdrApp implements Application {
    @Override public String name() { return "ResetCDR"; }
    @Override public String synopsis() { return "Resets the Call Data Record."; }
    @Override public String syntax() { return "ResetCDR([options])"; }

    @Override
    public String description() {
        return """
                Resets the channel's call detail records: the start time becomes now, so does the
                answer time when the channel is answered, and the variables stored on the records
                are wiped.
                Options:
                  v   keep the CDR variables
                  e   enable the records again after NoCDR() (deprecated: use CDR_PROP(disable)=0)""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        String options = data == null ? "" : data;
        CdrEngine engine = CdrEngine.of(channel.pbx());
        if (options.indexOf('e') >= 0 && !engine.setProperty(channel, CdrProperty.DISABLE, false)) {
            PbxLog.warning("app_cdr.c", "Failed to enable CDRs on channel " + channel.name());
        }
        if (!engine.reset(channel, options.indexOf('v') >= 0)) {
            PbxLog.warning("app_cdr.c", "Failed to reset CDRs on channel " + channel.name());
        }
        return Result.CONTINUE;
    }
}
