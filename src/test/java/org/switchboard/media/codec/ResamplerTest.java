package org.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"8000, 16000", "8000, 48000", "16000, 48000", "16000, 8000", "48000, 8000", "48000, 16000"})
    void oneKilohertzStaysOneKilohertz(int from, int to) {
        short[] in = Goertzel.tone(1000, from, from, 10000);
        short[] out = resampleInFrames(new Resampler(from, to), in, from / 50);
        assertThat(out).hasSize(to);
        int skip = to / 10; // past the filter's start-up
        int n = to / 2;
        assertThat(Goertzel.energyRatio(out, skip, n, 1000, to)).as("energy at 1 kHz").isGreaterThan(0.98);
        assertThat(Goertzel.amplitude(out, skip, n, 1000, to)).isBetween(9500.0, 10500.0);
        assertThat(Goertzel.strongest(out, skip, n, to, 500, 900, 1000, 1100, 2000, 3000)).isEqualTo(1000.0);
    }

    @ParameterizedTest(name = "{0} Hz at {1} -> {2}")
    @CsvSource({"5000, 16000, 8000", "6000, 16000, 8000", "4500, 48000, 8000", "12000, 48000, 16000", "20000, 48000, 16000"})
    void contentAboveTheNewNyquistDoesNotFoldBack(int freq, int from, int to) {
        short[] in = Goertzel.tone(freq, from, from, 16000);
        short[] out = resampleInFrames(new Resampler(from, to), in, from / 50);
        double rms = 0;
        for (int i = to / 10; i < out.length; i++) rms += (double) out[i] * out[i];
        rms = Math.sqrt(rms / (out.length - to / 10));
        // 16000 peak in; at least 60 dB down means under about 11 RMS.
        assertThat(rms).as("RMS of the aliased residue").isLessThan(16000 / Math.sqrt(2) / 1000);
    }

    @Test
    void passbandIsFlatForSpeech() {
        for (int f : new int[] {300, 1000, 2000, 3000, 3400}) {
            short[] out = resampleInFrames(new Resampler(8000, 16000), Goertzel.tone(f, 8000, 8000, 10000), 160);
            assertThat(Goertzel.amplitude(out, 1600, 8000, f, 16000)).as("%d Hz", f).isBetween(9000.0, 10600.0);
        }
    }

    @Test
    void framingDoesNotChangeTheOutput() {
        short[] in = Goertzel.tone(440, 8000, 8000, 10000);
        short[] whole = new short[6 * 8000 + 8];
        int n = new Resampler(8000, 48000).process(in, 0, in.length, whole, 0);
        short[] framed = resampleInFrames(new Resampler(8000, 48000), in, 160);
        assertThat(n).isEqualTo(48000);
        assertThat(java.util.Arrays.copyOf(whole, n)).isEqualTo(framed);
        short[] down = resampleInFrames(new Resampler(48000, 8000), framed, 960);
        assertThat(down).hasSize(8000);
    }

    @Test
    void sameRateCopies() {
        short[] in = {1, 2, 3};
        short[] out = new short[3];
        assertThat(new Resampler(8000, 8000).process(in, 0, 3, out, 0)).isEqualTo(3);
        assertThat(out).containsExactly(1, 2, 3);
    }

    static short[] resampleInFrames(Resampler r, short[] in, int frame) {
        short[] out = new short[r.maxOutput(in.length) + 16];
        short[] buf = new short[r.maxOutput(frame)];
        int n = 0;
        for (int off = 0; off < in.length; off += frame) {
            int m = r.process(in, off, Math.min(frame, in.length - off), buf, 0);
            System.arraycopy(buf, 0, out, n, m);
            n += m;
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
