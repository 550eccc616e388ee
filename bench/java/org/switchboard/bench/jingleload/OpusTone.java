package org.switchboard.bench.jingleload;

import java.util.List;
import org.switchboard.media.codec.Goertzel;
import org.switchboard.media.codec.OpusCodec;

/**
 * A tone encoded once into Opus 20 ms frames (48 kHz mono, RFC 7587), replayed by every call of
 * the load peer, and the check that what came back is still that tone. One second of a frequency
 * that fits it a whole number of times, so the loop of 50 frames has no seam.
 */
public final class OpusTone {
    public static final int FRAME_SAMPLES = 960; // 20 ms at Opus's RTP clock of 48 kHz (RFC 7587 §4.1)

    private final int hz;
    private final byte[][] frames = new byte[50][];

    public OpusTone(int hz) {
        this.hz = hz;
        OpusCodec enc = new OpusCodec();
        short[] pcm = new short[48000];
        for (int i = 0; i < pcm.length; i++) pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * hz * i / 48000.0));
        byte[] out = new byte[1500];
        for (int f = 0; f < frames.length; f++) {
            int n = enc.encode(pcm, f * FRAME_SAMPLES, FRAME_SAMPLES, out, 0);
            if (n <= 0) throw new IllegalStateException("Opus encoder refused frame " + f);
            frames[f] = java.util.Arrays.copyOf(out, n);
        }
    }

    public int hz() { return hz; }

    /** The frame to send as the call's {@code n}th packet. */
    public byte[] frame(long n) { return frames[(int) (n % frames.length)]; }

    /**
     * Decodes the payloads (in order of arrival) and measures, per 20 ms-aligned half second, how
     * much of the energy lies at the tone: the median of those ratios, and the strongest of the
     * tone and its neighbours. What survived Opus → G.711 8 kHz → Opus keeps most of its energy at
     * the tone (G.711's quantisation noise and the resamplers take a little).
     */
    public Check check(List<byte[]> payloads) {
        OpusCodec dec = new OpusCodec();
        short[] pcm = new short[payloads.size() * FRAME_SAMPLES + OpusCodec.MAX_FRAME];
        int at = 0;
        for (byte[] p : payloads) {
            int n = dec.decode(p, 0, p.length, pcm, at);
            if (n > 0) at += n;
        }
        int block = 24000;
        int blocks = at / block;
        if (blocks == 0) return new Check(payloads.size(), 0, 0, Double.NaN);
        double[] ratios = new double[blocks];
        for (int b = 0; b < blocks; b++) ratios[b] = Goertzel.energyRatio(pcm, b * block, block, hz, 48000);
        java.util.Arrays.sort(ratios);
        double strongest = Goertzel.strongest(pcm, 0, blocks * block, 48000, hz * 0.5, hz, hz * 1.5, hz * 2.0, 1000.0 + hz);
        return new Check(payloads.size(), at / 48, ratios[blocks / 2], strongest);
    }

    /** The tone check of one call: packets decoded, audio ms, median energy ratio at the tone, strongest frequency. */
    public record Check(int packets, int ms, double ratio, double strongestHz) {
        public boolean toneSurvived(int hz) { return ratio > 0.5 && strongestHz == hz; }
    }
}
