package org.switchboard.media.rtp;

import io.netty.util.concurrent.EventExecutor;
import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.Frame;
import org.switchboard.media.codec.Codec;

/**
 * The jitter buffer of one session, when asked for ({@code jbenable=yes}): voice packets go into a
 * {@link JitterBuffer} as they arrive, in any order, and come out one per packet time on the
 * session's event loop, in sequence, a lost one concealed by repeating the last. Relayed
 * (natively bridged) packets never pass here. Event-loop confined.
 */
final class RtpPlayout {
    private final RtpSession session;
    private final JitterBuffer buffer;
    private final byte[] out = new byte[1500];
    private ScheduledFuture<?> clock;
    private int ptimeMs;

    RtpPlayout(RtpSession session, int maxMs, boolean adaptive, int ptimeMs) {
        this.session = session;
        int max = Math.max(2, maxMs / Math.max(10, ptimeMs));
        this.buffer = adaptive ? JitterBuffer.adaptive(2, max) : JitterBuffer.fixed(Math.min(max, Math.max(2, max / 2)));
        this.ptimeMs = ptimeMs;
    }

    /** Starts the playout clock on {@code loop}, every {@code ptimeMs}. */
    void start(EventExecutor loop) {
        clock = loop.scheduleAtFixedRate(this::tick, ptimeMs, ptimeMs, TimeUnit.MILLISECONDS);
    }

    void put(int sequence, int timestamp, byte[] payload, int off, int len) {
        buffer.put(sequence, timestamp, payload, off, len);
    }

    /** A new source or format: start buffering again. */
    void restart() { buffer.restart(); }

    void stop() {
        ScheduledFuture<?> c = clock;
        if (c != null) c.cancel(false);
    }

    long late() { return buffer.late(); }

    private void tick() {
        if (session.isClosed()) {
            stop();
            return;
        }
        RtpSession.Format fmt = session.format();
        if (fmt == null) return;
        JitterBuffer.Kind k = buffer.poll(out, 0);
        if (k != JitterBuffer.Kind.PACKET && k != JitterBuffer.Kind.REPEAT) return;
        byte[] payload = Arrays.copyOf(out, buffer.lastLength());
        Codec probe = session.samplesProbe();
        int samples = probe == null ? -1 : probe.samplesIn(payload, 0, payload.length);
        if (samples < 0) samples = fmt.ptimeMs() * fmt.sampleRate() / 1000;
        try {
            session.deliverVoice(new Frame.VoiceFrame(fmt.codec(), payload, samples));
        } catch (RuntimeException e) {
            session.listenerFailed(e);
        }
    }
}
