package org.switchboard.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.switchboard.media.codec.Goertzel;
import org.switchboard.media.codec.WavFile;

/**
 * Audio helpers for softphone tests: write test tones, and check what a phone recorded.
 *
 * <p>Writing goes through {@link WavFile} (16-bit mono at 8, 16 or 48 kHz). Reading first tries
 * {@link WavFile#read}; recordings it refuses (baresip records Opus calls as 48 kHz stereo, for
 * instance) are read by a lenient 16-bit PCM reader that keeps the first channel at any rate.
 */
public final class ToneAudio {
    private ToneAudio() {}

    /** Mono 16-bit samples at a sample rate: what the analysis methods work on. */
    public record Pcm(int rate, short[] samples) {
        public double seconds() { return samples.length / (double) rate; }
    }

    /** Writes {@code seconds} of an {@code hz} sine at {@code rate} (8000/16000/48000), amplitude 8000 (about -12 dBFS). */
    public static Path writeTone(Path file, double hz, int rate, double seconds) throws IOException {
        new WavFile(rate, Goertzel.tone(hz, rate, (int) Math.round(seconds * rate), 8000)).write(file);
        return file;
    }

    /** Writes {@code seconds} of digital silence. */
    public static Path writeSilence(Path file, int rate, double seconds) throws IOException {
        new WavFile(rate, new short[(int) Math.round(seconds * rate)]).write(file);
        return file;
    }

    /**
     * Writes a speech-like stand-in for a voice prompt: bursts of 80-300 ms (two mixed tones
     * between 300 and 3000 Hz, with a 10 ms fade in and out) separated by 50-250 ms of silence,
     * the pattern fixed by {@code seed}. Different seeds give prompts that {@link #similarity}
     * tells apart.
     */
    public static Path writePrompt(Path file, long seed, int rate, double seconds) throws IOException {
        java.util.Random r = new java.util.Random(seed);
        short[] s = new short[(int) Math.round(seconds * rate)];
        int pos = 0;
        while (pos < s.length) {
            int len = rate * (80 + r.nextInt(221)) / 1000, fade = rate / 100;
            double f1 = 300 + r.nextInt(1200), f2 = 1500 + r.nextInt(1500), amp = 3000 + r.nextInt(7000);
            for (int i = 0; i < len && pos + i < s.length; i++) {
                double env = Math.min(1, Math.min(i, len - i) / (double) fade);
                s[pos + i] = (short) (amp * env * (0.6 * Math.sin(2 * Math.PI * f1 * i / rate) + 0.4 * Math.sin(2 * Math.PI * f2 * i / rate)));
            }
            pos += len + rate * (50 + r.nextInt(201)) / 1000;
        }
        new WavFile(rate, s).write(file);
        return file;
    }

    /** Reads a recording: any 16-bit PCM WAV (first channel kept), or what {@link WavFile} accepts. */
    public static Pcm read(Path wav) throws IOException {
        try {
            WavFile w = WavFile.read(wav);
            return new Pcm(w.sampleRate(), w.samples());
        } catch (WavFile.WavFormatException e) {
            return readLenient(wav, e);
        }
    }

    private static Pcm readLenient(Path wav, IOException original) throws IOException {
        byte[] d = Files.readAllBytes(wav);
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
        int channels = 0, rate = 0, bits = 0, format = -1;
        for (int pos = 12; pos + 8 <= d.length; ) {
            int id = b.getInt(pos);
            long size = b.getInt(pos + 4) & 0xFFFFFFFFL;
            int body = pos + 8;
            if (id == 0x20746d66 && body + 16 <= d.length) { // "fmt "
                format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2) & 0xFFFF;
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xFFFF;
            } else if (id == 0x61746164) { // "data"
                if ((format != 1 && format != 0xFFFE) || bits != 16 || channels < 1) throw original;
                int len = (int) Math.min(size == 0 ? Long.MAX_VALUE : size, d.length - body);
                short[] s = new short[len / (2 * channels)];
                for (int i = 0; i < s.length; i++) s[i] = b.getShort(body + i * 2 * channels);
                return new Pcm(rate, s);
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw original;
    }

    /** Amplitude (sample units, full scale 32767) of the {@code hz} component over the whole file. */
    public static double power(Path wav, double hz) throws IOException {
        Pcm p = read(wav);
        return p.samples.length == 0 ? 0 : Goertzel.amplitude(p.samples, 0, p.samples.length, hz, p.rate);
    }

    /**
     * True when {@code hz} dominates the recording: in at least a quarter of its 100 ms blocks,
     * at least half of the block's energy lies at {@code hz} (so a leading silence, a
     * codec's noise or a hangup click does not matter, but another tone does).
     */
    public static boolean hasTone(Path wav, double hz) throws IOException {
        return toneFraction(read(wav), hz) >= 0.25;
    }

    /** Fraction of 100 ms blocks whose energy is at least half at {@code hz}. */
    public static double toneFraction(Pcm p, double hz) {
        int block = p.rate / 10, blocks = p.samples.length / block, hits = 0;
        for (int i = 0; i < blocks; i++) {
            if (Goertzel.energyRatio(p.samples, i * block, block, hz, p.rate) >= 0.5) hits++;
        }
        return blocks == 0 ? 0 : hits / (double) blocks;
    }

    /** A short human-readable summary of a recording, for assertion messages. */
    public static String describe(Path wav, double... freqs) {
        try {
            Pcm p = read(wav);
            StringBuilder sb = new StringBuilder(String.format("%s: %d Hz, %.2f s", wav.getFileName(), p.rate, p.seconds()));
            for (double f : freqs) sb.append(String.format(", %.0f Hz in %.0f%% of blocks", f, 100 * toneFraction(p, f)));
            return sb.toString();
        } catch (IOException e) {
            return wav + ": " + e.getMessage();
        }
    }

    /**
     * How well a recorded prompt matches a reference sound, from 0 to 1, despite codec loss,
     * gain changes, a different sample rate and an unknown leading offset.
     *
     * <p>Method: both sounds become loudness envelopes (RMS per 10 ms frame, after removing the DC
     * offset); the reference envelope is slid over the recorded one (offsets of -1 s to the
     * whole recording) and the best Pearson correlation of the overlapping frames is returned.
     * Envelopes survive G.711/G.722/Opus coding and resampling far better than waveforms, and a
     * speech prompt's syllable rhythm makes them distinctive. At least 80% of the reference must
     * overlap the recording (a cut-off end is tolerated; larger gaps are not). Measured through a
     * real baresip PCMU call: 0.9999 for the prompt played, 0.40 for a different
     * {@link #writePrompt} prompt; take above 0.85 as "the same prompt", below 0.6 as "not it".
     */
    public static double similarity(Path recorded, Path reference) throws IOException {
        double[] rec = envelope(read(recorded)), ref = envelope(read(reference));
        if (rec.length < 2 || ref.length < 2) return 0;
        int minOverlap = Math.max(2, ref.length * 4 / 5);
        double best = 0;
        for (int lag = -Math.min(100, ref.length - minOverlap); lag <= rec.length - minOverlap; lag++) {
            int from = Math.max(0, -lag), to = Math.min(ref.length, rec.length - lag);
            if (to - from < minOverlap) continue;
            best = Math.max(best, pearson(ref, from, rec, from + lag, to - from));
        }
        return best;
    }

    private static double[] envelope(Pcm p) {
        int frame = p.rate / 100;
        double mean = 0;
        for (short s : p.samples) mean += s;
        mean /= Math.max(1, p.samples.length);
        double[] env = new double[p.samples.length / frame];
        for (int i = 0; i < env.length; i++) {
            double sum = 0;
            for (int j = 0; j < frame; j++) {
                double v = p.samples[i * frame + j] - mean;
                sum += v * v;
            }
            env[i] = Math.sqrt(sum / frame);
        }
        return env;
    }

    private static double pearson(double[] a, int ao, double[] b, int bo, int n) {
        double ma = Arrays.stream(a, ao, ao + n).average().orElse(0), mb = Arrays.stream(b, bo, bo + n).average().orElse(0);
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) {
            double x = a[ao + i] - ma, y = b[bo + i] - mb;
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
