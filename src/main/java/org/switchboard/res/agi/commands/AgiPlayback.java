package org.switchboard.res.agi.commands;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupException;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundFile;
import org.switchboard.media.sound.SoundLibrary;
import org.switchboard.media.sound.SoundPlayer;

/**
 * Prompts and digits as the AGI media commands need them: a prompt played from an offset with
 * the position where it stopped (their {@code endpos}), and waiting for one digit.
 */
final class AgiPlayback {
    /** Samples per millisecond at the 8 kHz the prompts are played at. */
    static final int SAMPLES_PER_MS = SoundFile.RATE / 1000;

    private AgiPlayback() {}

    /** A prompt read for playing, or null after file.c's warning when it exists in no format. */
    static SoundFile load(Channel c, String name) {
        SoundLibrary lib = SoundLibrary.of(c.pbx());
        Optional<SoundLibrary.Sound> found = lib.find(name, c.language());
        if (found.isEmpty()) {
            PbxLog.warning("file.c", "File " + name + " does not exist in any format");
            return null;
        }
        try {
            return lib.load(found.get());
        } catch (IOException | RuntimeException e) {
            PbxLog.warning("file.c", "Unable to open " + name + ": " + e.getMessage());
            return null;
        }
    }

    /** How a playing ended: the digit that stopped it (0: played to the end, -1: hung up) and the sample it stopped at. */
    record Stopped(int digit, long sample) {}

    /**
     * Plays {@code file} from sample {@code offset} until its end or a digit {@code breakOn}
     * accepts, or a hangup (digit -1).
     */
    static Stopped play(Channel c, SoundFile file, long offset, IntPredicate breakOn) {
        long total = file.samples();
        long from = Math.max(0, Math.min(offset, total));
        SoundFile part = from == 0 ? file
                : new SoundFile(file.path(), file.format(), Arrays.copyOfRange(file.slin(), (int) from * 2, (int) total * 2));
        long start = System.nanoTime();
        int digit;
        try {
            digit = SoundPlayer.play(c, part, breakOn);
        } catch (HangupException e) {
            digit = -1;
        }
        if (digit == 0) return new Stopped(0, total);
        long heard = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) * SAMPLES_PER_MS;
        return new Stopped(digit, Math.min(total, from + heard));
    }

    /** ast_waitfordigit: the next digit completed within {@code ms} (negative: no limit), or 0. */
    static char waitForDigit(Channel c, long ms) {
        long deadline = ms < 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        for (;;) {
            long left = deadline == Long.MAX_VALUE ? -1 : TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (deadline != Long.MAX_VALUE && left <= 0) return 0;
            Frame f = c.read(left);
            if (f instanceof Frame.DtmfFrame d && d.end()) return d.digit();
        }
    }

    /** The digits of an escape-digits word as a predicate ({@code ""} and {@code "\"\""} allow none). */
    static IntPredicate digits(String escape) { return SoundPlayer.digits(escape == null ? "" : escape); }
}
