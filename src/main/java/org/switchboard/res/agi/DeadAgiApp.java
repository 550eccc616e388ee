package org.switchboard.res.agi;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** DeadAGI(command[,arg1[,arg2[,...]]]): the old name of AGI() on a hung-up channel (res_agi). */
public final class DeadAgiApp implements Application {
    @Override public String name() { return "DeadAGI"; }
    @Override public String synopsis() { return "Executes AGI on a hungup channel."; }
    @Override public String syntax() { return "DeadAGI(command[,arg1[,arg2[,...]]])"; }

    @Override
    public String description() {
        return """
                Deprecated, as in Asterisk: use AGI(), which runs on a hung-up channel (in the h
                extension) by itself. DeadAGI logs a warning saying so and then does what AGI()
                does. Sets AGISTATUS as AGI() does.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        PbxLog.warning("res_agi.c", "DeadAGI has been deprecated, please use AGI in all cases!");
        return AgiRunner.run(channel, data, false);
    }
}
