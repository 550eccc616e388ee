package org.switchboard.apps;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupCause;

/** Busy([timeout]): indicate busy, then wait for the caller to hang up. */
public final class BusyApp implements Application {
    @Override public String name() { return "Busy"; }
    @Override public String synopsis() { return "Indicate the Busy condition."; }
    @Override public String syntax() { return "Busy([timeout])"; }

    @Override
    public String description() {
        return """
                Indicates busy to the caller. A call that is not answered yet gets the hangup cause
                User busy (17) and the state Busy; on an answered call only the indication is sent.
                Then it waits until the caller hangs up, or for timeout seconds when given, and
                ends the dialplan.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        return indicateAndWait(channel, data, Frame.Control.BUSY, HangupCause.USER_BUSY);
    }

    /** indicate_busy / indicate_congestion: indicate, mark a not-answered channel, wait_for_hangup. */
    static Result indicateAndWait(Channel channel, String data, Frame.Control control, int cause) {
        channel.indicate(control);
        if (channel.state() != ChannelState.UP) {
            channel.setHangupCause(cause);
            channel.setState(ChannelState.BUSY);
        }
        waitForHangup(channel, data);
        return Result.HANGUP;
    }

    /** A timeout in seconds (fractions allowed) sleeps that long; none reads until the hangup. */
    private static void waitForHangup(Channel channel, String data) {
        double secs = -1;
        if (data != null && !data.isEmpty()) {
            try {
                secs = Double.parseDouble(leadingNumber(data));
            } catch (NumberFormatException e) {
                secs = -1;
            }
        }
        if (secs >= 0) {
            channel.sleep((long) (secs * 1000.0));
            return;
        }
        for (;;) channel.read(-1);   // ends with a HangupException when the caller goes away
    }

    private static final Pattern LEADING_NUMBER =
            Pattern.compile("\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?).*", Pattern.DOTALL);

    /** The text sscanf %lg would read: the leading decimal number, or "" when there is none. */
    private static String leadingNumber(String s) {
        Matcher m = LEADING_NUMBER.matcher(s);
        return m.matches() ? m.group(1) : "";
    }
}
