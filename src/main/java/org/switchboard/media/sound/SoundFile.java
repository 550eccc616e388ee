package org.switchboard.media.sound;

import org.switchboard.media.codec.G711;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sound file read into memory as 8 kHz signed 16-bit little-endian samples (Asterisk's
 * {@code slin}), whatever it was on disk: a WAV file (PCM 16-bit, µ-law or A-law, any rate, mono
 * or stereo) or a raw {@code sln}/{@code sln16}/{@code ulaw}/{@code alaw} file. Other rates are
 * brought to 8 kHz simply: 16 kHz by averaging sample pairs, anything else by linear interpolation.
 */
public record SoundFile(Path path, SoundFormat format, byte[] slin) {
    /** The sample rate of {@link #slin}. */
    public static final int RATE = 8000;

    public int samples() { return slin.length / 2; }

    public long durationMs() { return samples() * 1000L / RATE; }

    /** Reads and converts a file; a malformed or unsupported file is an IOException saying why. */
    public static SoundFile read(Path path, SoundFormat format) throws IOException {
        byte[] raw = Files.readAllBytes(path);
        short[] pcm;
        if (format.isWav()) {
            pcm = readWav(path, raw);
        } else {
            pcm = resample(decode(raw, 0, raw.length, format == SoundFormat.ULAW || format == SoundFormat.PCM ? 7
                    : format == SoundFormat.ALAW ? 6 : 1), format.rawRate());
        }
        return new SoundFile(path, format, toBytes(pcm));
    }

    /** RIFF/WAVE: walks the chunks for {@code fmt } and {@code data}. */
    private static short[] readWav(Path path, byte[] raw) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        if (raw.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException(path + ": not a RIFF/WAVE file");
        }
        int codec = -1, channels = 1, rate = 0, bits = 0;
        int pos = 12;
        while (pos + 8 <= raw.length) {
            int id = b.getInt(pos);
            long size = b.getInt(pos + 4) & 0xffffffffL;
            int body = pos + 8;
            if (id == 0x20746d66) {            // "fmt "
                codec = b.getShort(body) & 0xffff;
                channels = b.getShort(body + 2) & 0xffff;
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xffff;
                if (codec == 0xfffe && size >= 26) codec = b.getShort(body + 24) & 0xffff;   // WAVE_FORMAT_EXTENSIBLE
            } else if (id == 0x61746164) {     // "data"
                if (codec < 0) throw new IOException(path + ": data before fmt chunk");
                int len = (int) Math.min(size, raw.length - body);   // streamed files may say 0 or -1
                if (size == 0) len = raw.length - body;
                if (!(codec == 1 && bits == 16) && !((codec == 6 || codec == 7) && bits == 8)) {
                    throw new IOException(path + ": unsupported WAV encoding " + codec + " with " + bits + " bits");
                }
                if (channels < 1 || rate < 1000) throw new IOException(path + ": bad WAV header (" + channels + " channels, " + rate + " Hz)");
                return resample(mixDown(decode(raw, body, len, codec), channels), rate);
            }
            pos = body + (int) Math.min(size + (size & 1), raw.length);
        }
        throw new IOException(path + ": WAV file without a data chunk");
    }

    /** Codec as in WAV: 1 PCM 16-bit LE, 6 A-law, 7 µ-law. */
    private static short[] decode(byte[] raw, int off, int len, int codec) {
        if (codec == 1) {
            short[] out = new short[len / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = (short) ((raw[off + 2 * i] & 0xff) | (raw[off + 2 * i + 1] << 8));
            }
            return out;
        }
        short[] out = new short[len];
        for (int i = 0; i < len; i++) {
            out[i] = codec == 7 ? G711.ulawToLinear(raw[off + i]) : G711.alawToLinear(raw[off + i]);
        }
        return out;
    }

    private static short[] mixDown(short[] in, int channels) {
        if (channels == 1) return in;
        short[] out = new short[in.length / channels];
        for (int i = 0; i < out.length; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) sum += in[i * channels + c];
            out[i] = (short) (sum / channels);
        }
        return out;
    }

    static short[] resample(short[] in, int rate) {
        if (rate == RATE) return in;
        if (rate == 2 * RATE) {
            short[] out = new short[in.length / 2];
            for (int i = 0; i < out.length; i++) out[i] = (short) ((in[2 * i] + in[2 * i + 1]) / 2);
            return out;
        }
        int n = (int) ((long) in.length * RATE / rate);
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            double x = (double) i * rate / RATE;
            int k = (int) x;
            double f = x - k;
            int a = in[Math.min(k, in.length - 1)], c = in[Math.min(k + 1, in.length - 1)];
            out[i] = (short) Math.round(a + (c - a) * f);
        }
        return out;
    }

    static byte[] toBytes(short[] pcm) {
        byte[] out = new byte[pcm.length * 2];
        for (int i = 0; i < pcm.length; i++) {
            out[2 * i] = (byte) pcm[i];
            out[2 * i + 1] = (byte) (pcm[i] >> 8);
        }
        return out;
    }

    /** Sample {@code i} of little-endian slin bytes. */
    public static short sample(byte[] slin, int i) {
        return (short) ((slin[2 * i] & 0xff) | (slin[2 * i + 1] << 8));
    }
}
