package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;

/** Progress(): ask the channel to indicate in-band progress (early media). */
public final class ProgressApp implements Application {
    @Override public String name() { return "Progress"; }
    @Override public String synopsis() { return "Indicate progress."; }
    @Override public String syntax() { return "Progress()"; }

    @Override
    public String description() {
        return """
                Asks the channel to tell the caller that in-band progress information follows
                (on SIP a 183 Session Progress), so that tones or announcements played before the
                call is answered are heard.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        channel.indicate(Frame.Control.PROGRESS);
        return Result.CONTINUE;
    }
}
