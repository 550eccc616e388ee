package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.res.cdr.CdrEngine;
import org.switchboard.res.cdr.CdrFork;

/** ForkCDR([options]): a new call detail record for the channel from now on (app_forkcdr). */
public final class ForkCdrApp implements Application {
    @Override public String name() { return "ForkCDR"; }
    @Override public String synopsis() { return "Forks the current Call Data Record for this channel."; }
    @Override public String syntax() { return "ForkCDR([options])"; }

    @Override
    public String description() {
        return """
                Forks the channel's newest call detail record: a copy of it is added after the
                channel's records and goes on from here, while the original keeps its times.
                Options:
                  a   the fork's answer time is now, when the channel is answered (implied by r)
                  e   end (finalize) the original records now
                  r   the fork's start and answer times are now
                  v   keep the CDR variables on the fork (without it they are left behind)""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        String options = AppSupport.arg(AppSupport.separate(data == null ? "" : data, ',', true, 1), 0);
        if (!CdrEngine.of(channel.pbx()).fork(channel, CdrFork.parse(options))) {
            PbxLog.warning("app_forkcdr.c", "Failed to fork CDR for channel " + channel.name());
        }
        return Result.CONTINUE;
    }
}
