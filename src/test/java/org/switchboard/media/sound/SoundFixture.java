package org.switchboard.media.sound;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelUnavailableException;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupException;
import org.switchboard.testing.TestPbx;

/**
 * What the sound tests share: a config folder whose asterisk.conf points the sounds folder into a
 * temporary directory, prompts written there as WAV files, Local calls whose ;1 half the test
 * holds, and a Goertzel filter to tell which frequency a tone has.
 */
public final class SoundFixture {
    public final Path confDir;
    public final Path sounds;

    public SoundFixture(Path tmp) throws IOException {
        confDir = Files.createDirectories(tmp.resolve("etc"));
        Path data = Files.createDirectories(tmp.resolve("data"));
        sounds = Files.createDirectories(data.resolve("sounds"));
        Files.writeString(confDir.resolve("asterisk.conf"), "[directories]\nastdatadir => " + data + "\n");
    }

    /** A PBX on this config folder, with the given dialplan. */
    public TestPbx pbx(String dialplan) {
        TestPbx t = new TestPbx(confDir);
        if (!t.dialplan(dialplan).isEmpty()) throw new IllegalArgumentException("bad dialplan");
        return t;
    }

    /** Writes sounds/en/name.wav: a sine of {@code freq} Hz (0: silence) lasting {@code ms}. */
    public Path prompt(String name, double freq, int ms) throws IOException {
        return wav(sounds.resolve("en").resolve(name + ".wav"), sine(freq, ms, 8000), 8000);
    }

    public static short[] sine(double freq, int ms, int rate) {
        short[] s = new short[rate * ms / 1000];
        for (int i = 0; i < s.length; i++) s[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * freq * i / rate));
        return s;
    }

    /** A PCM 16-bit mono WAV file. */
    public static Path wav(Path path, short[] samples, int rate) throws IOException {
        Files.createDirectories(path.getParent());
        ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples.length * 2).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(samples.length * 2);
        for (short s : samples) b.putShort(s);
        Files.write(path, b.array());
        return path;
    }

    /** Calls exten@context over a Local channel; the test holds the ;1 half that hears what ;2 plays. */
    public static Channel call(TestPbx t, String exten, String context) {
        try {
            Channel owner = t.pbx.requestChannel("Local", exten + "@" + context, null);
            owner.tech().call(owner, exten + "@" + context, 0);
            return owner;
        } catch (ChannelUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Speaks a tone of {@code freq} Hz for {@code ms} into the channel, in 20 ms slin frames as a phone sends them. */
    public static void speak(Channel c, double freq, int ms) {
        short[] tone = sine(freq, ms, 8000);
        for (int off = 0; off < tone.length; off += 160) {
            byte[] b = new byte[320];
            for (int i = 0; i < 160 && off + i < tone.length; i++) {
                b[2 * i] = (byte) tone[off + i];
                b[2 * i + 1] = (byte) (tone[off + i] >> 8);
            }
            c.write(new Frame.VoiceFrame("slin", b, 160));
        }
    }

    /** Sends a digit as a phone does: begin, then end. */
    public static void dtmf(Channel c, char digit) {
        c.write(new Frame.DtmfFrame(digit, false, 0));
        c.write(new Frame.DtmfFrame(digit, true, 100));
    }

    /** Reads voice frames until the far end hangs up (or {@code maxMs} pass without a frame). */
    public static List<Frame.VoiceFrame> voiceUntilHangup(Channel c, long maxMs) {
        List<Frame.VoiceFrame> out = new ArrayList<>();
        try {
            for (Frame f; (f = c.read(maxMs)) != null; ) {
                if (f instanceof Frame.VoiceFrame v) out.add(v);
            }
        } catch (HangupException e) {
            // the far end is done
        }
        return out;
    }

    /** Waits for the first voice frame; returns it. */
    public static Frame.VoiceFrame firstVoice(Channel c, long maxMs) {
        long deadline = System.currentTimeMillis() + maxMs;
        for (long left; (left = deadline - System.currentTimeMillis()) > 0; ) {
            if (c.read(left) instanceof Frame.VoiceFrame v) return v;
        }
        throw new AssertionError("no audio within " + maxMs + " ms");
    }

    public static byte[] concat(List<Frame.VoiceFrame> frames) {
        int n = frames.stream().mapToInt(f -> f.payload().length).sum();
        ByteBuffer b = ByteBuffer.allocate(n);
        frames.forEach(f -> b.put(f.payload()));
        return b.array();
    }

    public static short[] samples(byte[] slin) {
        short[] out = new short[slin.length / 2];
        for (int i = 0; i < out.length; i++) out[i] = SoundFile.sample(slin, i);
        return out;
    }

    /** Relative power of {@code freq} in the samples (Goertzel), normalised by the signal's energy. */
    public static double goertzel(short[] x, double freq, int rate) {
        double k = 2 * Math.cos(2 * Math.PI * freq / rate);
        double s1 = 0, s2 = 0, energy = 0;
        for (short v : x) {
            double s0 = v + k * s1 - s2;
            s2 = s1;
            s1 = s0;
            energy += (double) v * v;
        }
        double power = s1 * s1 + s2 * s2 - k * s1 * s2;
        return energy == 0 ? 0 : power / (energy * x.length / 2.0);
    }
}
