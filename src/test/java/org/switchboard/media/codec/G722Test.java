package org.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** G.722 64 kbit/s: tones come back clean, encoder and decoder agree, silence has its derived code. */
class G722Test {
    private static final int RATE = 16000;

    @ParameterizedTest(name = "{0} Hz")
    @CsvSource({"300, 50", "1000, 40", "3000, 35", "6000, 20"})
    void toneSurvivesWithHighSnr(int freq, double minSnrDb) {
        short[] in = Goertzel.tone(freq, RATE, RATE, 8000);
        short[] out = roundTrip(in, 320);
        int delay = bestDelay(in, out, 64);
        double snr = snrDb(in, out, delay, 3200);
        assertThat(snr).as("SNR at %d Hz (delay %d)", freq, delay).isGreaterThan(minSnrDb);
        assertThat(Goertzel.energyRatio(out, 3200, 3200, freq, RATE)).isGreaterThan(0.95);
    }

    @Test
    void silenceEncodesToTheCodeDerivedFromTheTables() {
        // el = 0 with det = 32 falls in Q6's interval 4 → ILP[4] = 58; eh = 0 < 564·8 >> 12 → IHP[1] = 3.
        byte[] out = new byte[160];
        assertThat(new G722Encoder().encode(new short[320], 0, 320, out, 0)).isEqualTo(160);
        assertThat(out[0] & 0xFF).isEqualTo((3 << 6) | 58);
        short[] pcm = new short[320];
        assertThat(new G722Decoder().decode(out, 0, 160, pcm, 0)).isEqualTo(320);
        for (short s : pcm) assertThat(Math.abs(s)).isLessThan(64);
    }

    /**
     * Expected values come from spandsp 0.0.6 (Debian libspandsp2, the G.722 Asterisk and
     * baresip use) run on the same signal: its encoder output matches ours byte for byte, and
     * its decoder's output sample for sample. (With clipping bursts the encoder still matches;
     * that spandsp's decoder wraps where ours saturates, so the decoder check stays unclipped.)
     */
    @Test
    void bitExactWithSpandsp() {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] enc = encodeAll(testSignal(true));
        crc.update(enc);
        assertThat(crc.getValue()).isEqualTo(0x99e32bf3L);

        enc = encodeAll(testSignal(false));
        assertThat(java.util.Arrays.copyOf(enc, 16)).containsExactly(
            222, 247, 155, 52, 168, 38, 4, 32, 32, 37, 162, 36, 165, 42, 47, 174);
        crc.reset();
        crc.update(enc);
        assertThat(crc.getValue()).isEqualTo(0xd947124aL);

        short[] dec = new short[2 * enc.length];
        new G722Decoder().decode(enc, 0, enc.length, dec, 0);
        byte[] le = new byte[2 * dec.length];
        SlinCodec.toBytes(dec, 0, dec.length, le, 0);
        crc.reset();
        crc.update(le);
        assertThat(crc.getValue()).isEqualTo(0xbd5fe7e8L);
    }

    /** 3 s at 16 kHz: a 100 Hz → 4 kHz chirp plus LCG noise; optionally every third 0.25 s ×3.5 (clipping). */
    static short[] testSignal(boolean bursts) {
        int n = 48000;
        short[] x = new short[n];
        long seed = 12345;
        for (int i = 0; i < n; i++) {
            double t = i / 16000.0;
            double v = 9000 * Math.sin(2 * Math.PI * (100 + 1300 * t) * t);
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            v += ((seed >>> 40) % 4000) - 2000;
            if (bursts && (i / 4000) % 3 == 2) v *= 3.5;
            x[i] = (short) Math.max(-32768, Math.min(32767, Math.round(v)));
        }
        return x;
    }

    static byte[] encodeAll(short[] x) {
        byte[] enc = new byte[x.length / 2];
        G722Encoder e = new G722Encoder();
        for (int o = 0; o < x.length; o += 320) e.encode(x, o, 320, enc, o / 2);
        return enc;
    }

    @Test
    void frameBoundariesDoNotMatter() {
        short[] in = Goertzel.tone(1000, RATE, 3200, 10000);
        short[] whole = roundTrip(in, 3200);
        short[] framed = roundTrip(in, 320);
        assertThat(framed).isEqualTo(whole);
    }

    @Test
    void codecReportsG722sRtpClockQuirk() {
        G722Codec c = new G722Codec();
        assertThat(c.sampleRate()).isEqualTo(16000);
        assertThat(c.rtpClockRate()).isEqualTo(8000);
        assertThat(c.samplesIn(new byte[160], 0, 160)).isEqualTo(320);
    }

    @Test
    void fullScaleSquareWaveDoesNotOverflow() {
        short[] in = new short[RATE];
        for (int i = 0; i < in.length; i++) in[i] = (short) ((i / 8) % 2 == 0 ? 32767 : -32768);
        short[] out = roundTrip(in, 320);
        assertThat(Goertzel.energyRatio(out, 3200, 3200, 1000, RATE)).isGreaterThan(0.5);
    }

    static short[] roundTrip(short[] in, int frame) {
        G722Encoder enc = new G722Encoder();
        G722Decoder dec = new G722Decoder();
        short[] out = new short[in.length];
        byte[] bytes = new byte[frame / 2];
        for (int off = 0; off + frame <= in.length; off += frame) {
            int n = enc.encode(in, off, frame, bytes, 0);
            dec.decode(bytes, 0, n, out, off);
        }
        return out;
    }

    static int bestDelay(short[] in, short[] out, int max) {
        int best = 0;
        double bestCorr = -Double.MAX_VALUE;
        for (int d = 0; d <= max; d++) {
            double c = 0;
            for (int i = 2000; i < 6000; i++) c += (double) in[i] * out[i + d];
            if (c > bestCorr) { bestCorr = c; best = d; }
        }
        return best;
    }

    static double snrDb(short[] in, short[] out, int delay, int skip) {
        double sig = 0, err = 0;
        for (int i = skip; i + delay < out.length - 320; i++) {
            sig += (double) in[i] * in[i];
            double e = out[i + delay] - in[i];
            err += e * e;
        }
        return 10 * Math.log10(sig / Math.max(err, 1e-9));
    }
}
