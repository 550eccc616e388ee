package org.switchboard.res.agi.commands;

import java.util.List;
import org.switchboard.core.Channel;
import org.switchboard.core.HangupException;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundFile;

/**
 * CONTROL STREAM FILE (ast_control_streamfile): a prompt the caller steers, forward and back by
 * SKIPMS, paused and resumed, stopped by an escape digit. Positions are in milliseconds.
 */
final class ControlPlayback {
    private ControlPlayback() {}

    static AgiResult run(AgiContext s, List<String> argv) {
        if (argv.size() < 5 || argv.size() > 10) return null;
        Channel c = s.channel();
        String stop = argv.get(4);
        long skipMs = argv.size() > 5 && !argv.get(5).isEmpty() ? AgiNumbers.atoi(argv.get(5)) : 3000;
        String fwd = argv.size() > 6 && !argv.get(6).isEmpty() ? argv.get(6) : "#";
        String rev = argv.size() > 7 && !argv.get(7).isEmpty() ? argv.get(7) : "*";
        String pause = argv.size() > 8 && !argv.get(8).isEmpty() ? argv.get(8) : "";
        long offsetMs = argv.size() > 9 ? Math.max(0, AgiNumbers.scanLong(argv.get(9)) == null ? 0 : AgiNumbers.scanLong(argv.get(9))) : 0;

        SoundFile file = AgiPlayback.load(c, argv.get(3));
        if (file == null) return finish(c, -1, "ERROR", offsetMs, null);
        PbxLog.verbose(3, "Playing '" + argv.get(3) + "' (language '" + c.language() + "')");
        long durationMs = file.durationMs();
        long pos = Math.min(offsetMs, durationMs);
        String controls = stop + fwd + rev + pause;
        for (;;) {
            AgiPlayback.Stopped st = AgiPlayback.play(c, file, pos * AgiPlayback.SAMPLES_PER_MS, d -> controls.indexOf(d) >= 0);
            if (st.digit() == 0) return finish(c, 0, "SUCCESS", -1, null);
            pos = st.sample() / AgiPlayback.SAMPLES_PER_MS;
            if (st.digit() < 0) return finish(c, -1, "ERROR", pos, null);
            char d = (char) st.digit();
            if (stop.indexOf(d) >= 0) return finish(c, d, "USERSTOPPED", pos, d);
            if (pause.indexOf(d) >= 0) {
                char resumed;
                try {
                    resumed = paused(c, pause, stop);
                } catch (HangupException e) {
                    return finish(c, -1, "ERROR", pos, null);
                }
                if (pause.indexOf(resumed) < 0) return finish(c, resumed, "USERSTOPPED", pos, resumed);
            } else if (fwd.indexOf(d) >= 0) {
                pos += skipMs;
                if (pos >= durationMs) return finish(c, 0, "SUCCESS", -1, null);
            } else if (rev.indexOf(d) >= 0) {
                pos = Math.max(0, pos - skipMs);
            }
        }
    }

    /** Paused: waits for the pause digit again (or a stop digit, returned) with no time limit; a hangup ends it. */
    private static char paused(Channel c, String pause, String stop) {
        for (;;) {
            char d = AgiPlayback.waitForDigit(c, -1);
            if (pause.indexOf(d) >= 0 || stop.indexOf(d) >= 0) return d;
        }
    }

    private static AgiResult finish(Channel c, int res, String status, long offsetMs, Character key) {
        c.setVar("CPLAYBACKSTATUS", status);
        c.setVar("CPLAYBACKOFFSET", Long.toString(offsetMs));
        if (key != null) c.setVar("CPLAYBACKSTOPKEY", key.toString());
        return AgiResult.ok("200 result=" + res + " endpos=" + offsetMs);
    }
}
