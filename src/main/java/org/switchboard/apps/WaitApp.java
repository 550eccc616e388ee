package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** Wait(seconds): pause the dialplan; a hangup ends the wait at once. */
public final class WaitApp implements Application {
    @Override public String name() { return "Wait"; }
    @Override public String synopsis() { return "Waits for some time."; }
    @Override public String syntax() { return "Wait(seconds)"; }

    @Override
    public String description() {
        return """
                Waits the given number of seconds before the dialplan goes on; fractions are
                allowed (1.5 is one and a half seconds), as are the units ms, s, m and h (500ms).
                Digits pressed meanwhile are ignored. When the caller hangs up the wait ends at
                once. A value that is not a time, zero or negative means no wait.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        long ms = AppSupport.parseTimeLenSeconds(data);
        if (ms > 0) channel.sleep(ms);
        return Result.CONTINUE;
    }
}
