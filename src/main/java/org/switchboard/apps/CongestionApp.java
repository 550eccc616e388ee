package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupCause;

/** Congestion([timeout]): indicate congestion, then wait for the caller to hang up. */
public final class CongestionApp implements Application {
    @Override public String name() { return "Congestion"; }
    @Override public String synopsis() { return "Indicate the Congestion condition."; }
    @Override public String syntax() { return "Congestion([timeout])"; }

    @Override
    public String description() {
        return """
                Indicates congestion (all circuits busy) to the caller. A call that is not answered
                yet gets the hangup cause Circuit/channel congestion (34) and the state Busy; on an
                answered call only the indication is sent. Then it waits until the caller hangs up,
                or for timeout seconds when given, and ends the dialplan.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        return BusyApp.indicateAndWait(channel, data, Frame.Control.CONGESTION, HangupCause.NORMAL_CIRCUIT_CONGESTION);
    }
}
