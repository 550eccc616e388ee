package org.switchboard.media.codec;

import java.util.concurrent.atomic.AtomicBoolean;
import org.switchboard.core.PbxLog;

/**
 * Runs Opus (Concentus, pure Java) through the JIT before a call needs it in real time. Measured
 * on a loaded 2-core box: a cold ulaw-to-opus transcoder took 8.5 s for its first 10 s of audio
 * (the first frame alone 680 ms), so a browser's first call through a G.711 phone heard nothing
 * for 6 s after DTLS was up; warm, the first sound came 250 ms after it. Started once, on a virtual
 * thread, by a module that has endpoints likely to speak Opus (WebRTC phones).
 */
public final class OpusWarmUp {
    /**
     * Frames of 20 ms run each way: the bulk of the JIT's work (the measured transcoder's first 200
     * frames took about 60% of the time of its first 500), without holding a core for long at start.
     */
    static final int FRAMES = 200;
    private static final AtomicBoolean started = new AtomicBoolean();

    private OpusWarmUp() {}

    public static void inBackground() {
        if (!started.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("opus-warm-up").start(() -> {
            try {
                Transcoder toOpus = new Transcoder("ulaw", "opus");
                Transcoder fromOpus = new Transcoder("opus", "ulaw");
                byte[] ulaw = new byte[160];
                for (int i = 0; i < ulaw.length; i++) ulaw[i] = (byte) (i * 37); // not silence: the encoder's real paths
                byte[] opus = new byte[toOpus.maxOutput(ulaw, 0, ulaw.length)];
                byte[] back = new byte[4096];
                for (int i = 0; i < FRAMES; i++) {
                    int n = toOpus.transcode(ulaw, 0, ulaw.length, opus, 0);
                    if (n > 0) fromOpus.transcode(opus, 0, n, back, 0);
                }
            } catch (RuntimeException | LinkageError e) {
                PbxLog.warning("codec_opus.c", "Preparing Opus failed (calls will use it cold): " + e);
            }
        });
    }
}
