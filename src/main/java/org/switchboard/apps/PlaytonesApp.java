package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.Indications;
import org.switchboard.media.sound.ToneGenerator;
import org.switchboard.media.sound.TonePlayer;

/** PlayTones(arg): play a tone while the dialplan goes on (app_playtones). */
public final class PlaytonesApp implements Application {
    @Override public String name() { return "PlayTones"; }
    @Override public String synopsis() { return "Play a tone list."; }
    @Override public String syntax() { return "PlayTones(arg)"; }

    @Override
    public String description() {
        return """
                Plays a tone in the background while the dialplan goes on, until StopPlayTones,
                another tone, a prompt, or the end of the call. arg is the name of a tone of the
                default zone of indications.conf (dial, busy, ring, congestion, callwaiting,
                record, info, ...) or a tone list such as 440+480/2000,0/4000: parts separated by
                commas, each [!]freq1[+freq2][/duration in ms]; ! plays a part only once.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        if (AppSupport.isEmpty(data)) {
            PbxLog.notice("app_playtones.c", "Nothing to play");
            return Result.HANGUP;
        }
        String tone = Indications.of(channel.pbx()).resolve(null, data);
        try {
            TonePlayer.start(channel, ToneGenerator.of(tone));
        } catch (IllegalArgumentException e) {
            PbxLog.warning("app_playtones.c", "Unable to start playtones: " + e.getMessage());
        }
        return Result.CONTINUE;
    }
}
