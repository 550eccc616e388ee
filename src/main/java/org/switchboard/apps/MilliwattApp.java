package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.media.codec.G711;
import org.switchboard.media.sound.ToneGenerator;
import org.switchboard.media.sound.TonePlayer;

/** Milliwatt([options]): a 1004 Hz test tone until the caller hangs up (app_milliwatt). */
public final class MilliwattApp implements Application {
    /** ast_playtones_start's volume for Milliwatt: a 0 dBm0 sine. */
    static final double ZERO_DBM0 = 23255;

    @Override public String name() { return "Milliwatt"; }
    @Override public String synopsis() { return "Generates a 1004 Hz test tone at 0dbm (mu-law)."; }
    @Override public String syntax() { return "Milliwatt([options])"; }

    @Override
    public String description() {
        return """
                Plays a 1004 Hz tone at 0 dBm0 until the caller hangs up. By default the tone is
                constant, which is not a milliwatt test line; use 'm' for that. The channel is not
                answered (except with 'o').
                Options:
                  m  a real milliwatt test tone: 9 seconds of 1004 Hz, then 1 second of silence
                  o  the old behaviour: answer, then a constant 1000 Hz tone at the level of the
                     G.711 digital milliwatt (also 0 dBm0)""";
    }

    @Override
    public Result execute(Channel c, String data) {
        String options = data == null ? "" : data;
        ToneGenerator tone;
        if (options.indexOf('o') >= 0) {
            if (c.state() != ChannelState.UP) c.answer();
            tone = new ToneGenerator(ToneGenerator.parse("1000"), digitalMilliwattAmplitude());
        } else {
            tone = new ToneGenerator(ToneGenerator.parse(options.indexOf('m') >= 0 ? "1004/9000,0/1000" : "1004/1000"), ZERO_DBM0);
        }
        TonePlayer.start(c, tone);
        try {
            for (;;) c.sleep(10_000);   // only a hangup ends it (HangupException)
        } finally {
            TonePlayer.stop(c);
        }
    }

    /**
     * The peak of the G.711 digital milliwatt (ITU-T G.711 table 5: mu-law 0x1E 0x0B 0x0B 0x1E
     * 0x9E 0x8B 0x8B 0x9E, a 1 kHz sine sampled at 22.5 and 67.5 degrees): its larger sample
     * over sin(67.5 degrees).
     */
    static double digitalMilliwattAmplitude() {
        return Math.abs(G711.ulawToLinear(0x0B)) / Math.sin(Math.toRadians(67.5));
    }
}
