package org.switchboard.media.sound;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.core.PbxLog;

/**
 * Streams a prompt into a channel as Asterisk's ast_streamfile + ast_waitstream do: 20 ms
 * {@code slin} frames (160 samples, 8 kHz 16-bit little-endian), each sent when its time comes on
 * an absolute schedule from the first frame (no drift from sleeping), while the channel is read
 * meanwhile so that a DTMF digit can stop the prompt and a hangup ends it at once
 * ({@link org.switchboard.core.HangupException}). A tone playing on the channel stops first.
 */
public final class SoundPlayer {
    public static final int FRAME_MS = 20;
    public static final int FRAME_SAMPLES = SoundFile.RATE * FRAME_MS / 1000;
    /** Any DTMF digit stops the prompt (Asterisk's AST_DIGIT_ANY). */
    public static final IntPredicate ANY_DIGIT = d -> true;
    /** No digit stops the prompt. */
    public static final IntPredicate NO_DIGIT = d -> false;
    /** {@link #play} when the file could not be found or read (a warning was logged). */
    public static final int FAILED = -1;

    private SoundPlayer() {}

    /** Digits in {@code digits} stop the prompt. */
    public static IntPredicate digits(String digits) { return d -> digits.indexOf(d) >= 0; }

    /**
     * Finds {@code name} for the channel's language and plays it to the end or until a digit that
     * {@code breakOn} accepts.
     *
     * @return the digit that stopped it, 0 when it played to the end, {@link #FAILED} when the
     *         file does not exist or cannot be read
     */
    public static int play(Channel c, String name, IntPredicate breakOn) { return play(c, name, c.language(), breakOn); }

    /** As {@link #play(Channel, String, IntPredicate)}, in another language than the channel's. */
    public static int play(Channel c, String name, String language, IntPredicate breakOn) {
        SoundLibrary lib = SoundLibrary.of(c.pbx());
        Optional<SoundLibrary.Sound> found = lib.find(name, language);
        if (found.isEmpty()) {
            PbxLog.warning("file.c", "File " + name + " does not exist in any format");
            return FAILED;
        }
        SoundLibrary.Sound s = found.get();
        SoundFile file;
        try {
            file = lib.load(s);
        } catch (IOException | RuntimeException e) {
            PbxLog.warning("file.c", "Unable to open " + name + " (format " + s.format().extension() + "): " + e.getMessage());
            return FAILED;
        }
        PbxLog.verbose(3, "<" + c.name() + "> Playing '" + s.display() + "' (language '" + s.language() + "')");
        return play(c, file, breakOn);
    }

    /** Plays audio already read; see {@link #play(Channel, String, IntPredicate)}. */
    public static int play(Channel c, SoundFile file, IntPredicate breakOn) {
        TonePlayer.stop(c);
        c.stopGenerator(); // a prompt replaces music on hold, as Asterisk's stream opening stops the generator
        byte[] slin = file.slin();
        int frameBytes = FRAME_SAMPLES * 2;
        int frames = (slin.length + frameBytes - 1) / frameBytes;
        long start = System.nanoTime();
        for (int k = 0; k < frames; k++) {
            int digit = readUntil(c, start + k * frameNanos(), breakOn);
            if (digit != 0) return digit;
            int from = k * frameBytes;
            byte[] payload = Arrays.copyOfRange(slin, from, Math.min(slin.length, from + frameBytes));
            c.write(new Frame.VoiceFrame("slin", payload, payload.length / 2));
        }
        // the last frame is heard for its whole length before the next prompt starts
        return readUntil(c, start + frames * frameNanos(), breakOn);
    }

    private static long frameNanos() { return TimeUnit.MILLISECONDS.toNanos(FRAME_MS); }

    /** Reads the channel until {@code dueNanos}; returns a digit that ends the prompt, else 0. */
    static int readUntil(Channel c, long dueNanos, IntPredicate breakOn) {
        c.checkHangup();
        for (;;) {
            long left = dueNanos - System.nanoTime();
            if (left <= 0) return 0;
            Frame f = c.read(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            if (f instanceof Frame.DtmfFrame d && d.end() && breakOn.test(d.digit())) return d.digit();
        }
    }
}
