package org.switchboard.media.sound;

import org.switchboard.core.Channel;
import org.switchboard.core.Frame;

/**
 * A tone playing in the background of a channel (Asterisk's ast_playtones_start generator): the
 * tone's 20 ms frames are written on an absolute schedule while the dialplan goes on, until
 * {@link #stop}, a prompt starts, the tone ends, or the channel goes away. It is kept as a channel
 * datastore, so a hangup closes it.
 */
public final class TonePlayer extends PacedFramePlayer {
    private static final Object KEY = TonePlayer.class;

    private final ToneGenerator generator;

    private TonePlayer(Channel channel, ToneGenerator generator) {
        super(channel, "tones-" + channel.name());
        this.generator = generator;
    }

    /** Starts a tone on the channel, replacing the one playing. */
    public static void start(Channel c, ToneGenerator generator) {
        stop(c);
        TonePlayer p = new TonePlayer(c, generator);
        c.putDatastore(KEY, p);
        p.begin();
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
        return c.datastore(KEY) instanceof TonePlayer t && t.isPlaying();
    }

    @Override protected byte[] nextFrame() { return generator.nextFrame(); }

    @Override protected void write(Frame.VoiceFrame frame) { channel.write(frame); }

    @Override protected void finished() {
        if (channel.datastore(KEY) == this) channel.removeDatastore(KEY);
    }
}
