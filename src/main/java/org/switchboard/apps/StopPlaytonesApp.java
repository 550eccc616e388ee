package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.media.sound.TonePlayer;

/** StopPlayTones(): stop the tone PlayTones started (app_playtones). */
public final class StopPlaytonesApp implements Application {
    @Override public String name() { return "StopPlayTones"; }
    @Override public String synopsis() { return "Stop playing a tone list."; }
    @Override public String syntax() { return "StopPlayTones()"; }

    @Override
    public String description() { return "Stops the tone started with PlayTones(); without one it does nothing."; }

    @Override
    public Result execute(Channel channel, String data) {
        TonePlayer.stop(channel);
        return Result.CONTINUE;
    }
}
