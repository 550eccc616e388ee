package org.switchboard.apps;

import java.util.List;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.PbxLog;

/** Answer([delay]): answer the channel if it is not up yet. */
public final class AnswerApp implements Application {
    @Override public String name() { return "Answer"; }
    @Override public String synopsis() { return "Answer a channel if ringing."; }
    @Override public String syntax() { return "Answer([delay])"; }

    @Override
    public String description() {
        return """
                Answers the call if it has not been answered yet; on an answered call it does
                nothing. delay: milliseconds to wait after answering before the dialplan goes on
                (ignored when the call was already up).""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        int delay = 0;
        if (data != null && !data.isEmpty()) {
            List<String> args = AppSupport.separate(data, ',', true, 2);
            if (!AppSupport.isEmpty(AppSupport.arg(args, 0)) && channel.state() != ChannelState.UP) {
                delay = Math.max(0, AppSupport.atoi(data));
            }
            if ("nocdr".equalsIgnoreCase(AppSupport.arg(args, 1))) {
                PbxLog.warning("pbx_builtins.c", "The nocdr option for the Answer application has been removed and is no longer supported.");
            }
        }
        if (channel.state() == ChannelState.UP) return Result.CONTINUE;
        channel.answer();
        if (delay > 0) channel.sleep(delay);
        return Result.CONTINUE;
    }
}
