package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;

/** Ringing(): ask the channel to indicate ringing to the caller. */
public final class RingingApp implements Application {
    @Override public String name() { return "Ringing"; }
    @Override public String synopsis() { return "Indicate ringing tone."; }
    @Override public String syntax() { return "Ringing()"; }

    @Override
    public String description() {
        return """
                Asks the channel to indicate ringing to the caller (on SIP a 180 Ringing); the call
                is not answered.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        channel.indicate(Frame.Control.RINGING);
        return Result.CONTINUE;
    }
}
