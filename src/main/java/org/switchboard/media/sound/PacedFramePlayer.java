package org.switchboard.media.sound;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.core.PbxLog;

/**
 * Audio written to a channel in the background, 20 ms {@code slin} frames on an absolute schedule
 * (Asterisk's generators: tones, music on hold), by a virtual thread that writes to the log of the
 * PBX that started it. It ends when {@link #close}d, when {@link #nextFrame} has no more, or when
 * the channel goes away.
 */
public abstract class PacedFramePlayer implements AutoCloseable {
    protected final Channel channel;
    private final Thread thread;
    private volatile boolean stopped;

    protected PacedFramePlayer(Channel channel, String threadName) {
        this.channel = channel;
        this.thread = Thread.ofVirtual().name(threadName).unstarted(PbxLog.carried(this::run));
    }

    /** Starts the thread; call once. */
    protected final void begin() { thread.start(); }

    /** On the player's thread, before the first frame's time is taken (loading files, say). */
    protected void prepare() {}

    /** The next frame's {@code slin} bytes, or null when there is no more. */
    protected abstract byte[] nextFrame();

    /** Writes one frame to the channel. */
    protected abstract void write(Frame.VoiceFrame frame);

    /** On the player's thread, after its last frame. */
    protected void finished() {}

    public final boolean isPlaying() { return !stopped && thread.isAlive(); }

    private void run() {
        prepare();
        long start = System.nanoTime();
        long frameNanos = TimeUnit.MILLISECONDS.toNanos(SoundPlayer.FRAME_MS);
        for (long k = 0; !stopped && !channel.isDestroyed(); k++) {
            long due = start + k * frameNanos;
            for (long left; !stopped && (left = due - System.nanoTime()) > 0; ) LockSupport.parkNanos(left);
            if (stopped) break;
            byte[] pcm = nextFrame();
            if (pcm == null) break;
            write(new Frame.VoiceFrame("slin", pcm, pcm.length / 2));
        }
        stopped = true;
        finished();
    }

    /** Stops the audio; no frame of it is written after this returns. */
    @Override
    public void close() {
        stopped = true;
        LockSupport.unpark(thread);
        if (Thread.currentThread() != thread) {
            try {
                thread.join(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
