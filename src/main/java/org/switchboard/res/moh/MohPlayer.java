package org.switchboard.res.moh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.PacedFramePlayer;
import org.switchboard.media.sound.SoundFile;
import org.switchboard.media.sound.SoundPlayer;

/**
 * Music on hold playing to one channel (Asterisk's moh generator): a virtual thread writes the
 * class's files one after another, round and round, as 20 ms {@code slin} frames on an absolute
 * schedule. It is the channel's generator, so while it plays the bridge's audio to that channel is
 * dropped; with no file (no class found) it writes silence, so the far end hears the hold, not the
 * party holding it.
 */
final class MohPlayer extends PacedFramePlayer {
    private static final int FRAME_BYTES = SoundPlayer.FRAME_SAMPLES * 2;
    private static final byte[] SILENCE = new byte[FRAME_BYTES];

    private final MohClasses.MohClass mohClass;   // null: silence
    private List<byte[]> files = List.of();   // the player's thread only
    private int file;
    private int at;

    private MohPlayer(Channel channel, MohClasses.MohClass mohClass) {
        super(channel, "moh-" + channel.name());
        this.mohClass = mohClass;
    }

    /** Starts playing {@code mohClass} (null: silence) as the channel's generator. */
    static MohPlayer start(Channel c, MohClasses.MohClass mohClass) {
        MohPlayer p = new MohPlayer(c, mohClass);
        c.startGenerator(p);
        p.begin();
        return p;
    }

    String className() { return mohClass == null ? null : mohClass.name(); }

    @Override protected void prepare() { files = load(); }

    @Override protected byte[] nextFrame() {
        if (files.isEmpty()) return SILENCE;
        byte[] pcm = files.get(file);
        byte[] payload = Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + FRAME_BYTES));
        at += FRAME_BYTES;
        if (at >= pcm.length) {
            at = 0;
            file = (file + 1) % files.size();
        }
        return payload;
    }

    @Override protected void write(Frame.VoiceFrame frame) { channel.writeFromGenerator(this, frame); }

    /** The class's audio, decoded once per hold; a file that cannot be read is a warning and is skipped. */
    private List<byte[]> load() {
        if (mohClass == null) return List.of();
        List<Path> paths = new ArrayList<>(mohClass.files());
        if (mohClass.random()) Collections.shuffle(paths);
        List<byte[]> out = new ArrayList<>();
        for (Path p : paths) {
            try {
                byte[] slin = SoundFile.read(p, MohClasses.format(p)).slin();
                if (slin.length > 0) out.add(slin);
            } catch (IOException | RuntimeException e) {
                PbxLog.warning("res_musiconhold.c", "Unable to open " + p + " for class '" + mohClass.name() + "': " + e.getMessage());
            }
        }
        return out;
    }
}
