package org.switchboard.media.sound;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;

/**
 * A tone playing in the background of a channel (Asterisk's ast_playtones_start generator): a
 * virtual thread writes the tone's 20 ms frames on an absolute schedule while the dialplan goes
 * on, until {@link #stop}, a prompt starts, the tone ends, or the channel goes away. It is kept as
 * a channel datastore, so a hangup closes it.
 */
public final class TonePlayer implements AutoCloseable {
    private static final Object KEY = TonePlayer.class;

    private final Channel channel;
    private final ToneGenerator generator;
    private final Thread thread;
    private volatile boolean stopped;

    private TonePlayer(Channel channel, ToneGenerator generator) {
        this.channel = channel;
        this.generator = generator;
        this.thread = Thread.ofVirtual().name("tones-" + channel.name()).unstarted(org.switchboard.core.PbxLog.carried(this::run));   // for the PBX of who starts the tone
    }

    /** Starts a tone on the channel, replacing the one playing. */
    public static void start(Channel c, ToneGenerator generator) {
        stop(c);
        TonePlayer p = new TonePlayer(c, generator);
        c.putDatastore(KEY, p);
        p.thread.start();
    }

    /** Stops the channel's tone; no frame of it is written after this returns. @return whether one was playing */
    public static boolean stop(Channel c) {
        AutoCloseable p = c.removeDatastore(KEY);
        if (p instanceof TonePlayer t) {
            t.close();
            return true;
        }
        return false;
    }

    public static boolean isPlaying(Channel c) {
        return c.datastore(KEY) instanceof TonePlayer t && !t.stopped && t.thread.isAlive();
    }

    private void run() {
        long start = System.nanoTime();
        long frame = TimeUnit.MILLISECONDS.toNanos(SoundPlayer.FRAME_MS);
        for (long k = 0; !stopped && !channel.isDestroyed(); k++) {
            long due = start + k * frame;
            for (long left; !stopped && (left = due - System.nanoTime()) > 0; ) LockSupport.parkNanos(left);
            if (stopped) break;
            byte[] pcm = generator.nextFrame();
            if (pcm == null) break;
            channel.write(new Frame.VoiceFrame("slin", pcm, pcm.length / 2));
        }
        stopped = true;
        if (channel.datastore(KEY) == this) channel.removeDatastore(KEY);
    }

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
