package org.switchboard.media.codec;

/**
 * Goertzel filter: the strength of one frequency in a block of samples. Tests use it to check
 * "a tone in, the same frequency out"; DTMF or tone detection can build on it.
 */
public final class Goertzel {
    private Goertzel() {}

    /** Estimated amplitude (in sample units) of the component at {@code freq} Hz. */
    public static double amplitude(short[] s, int off, int len, double freq, int rate) {
        double w = 2 * Math.PI * freq / rate;
        double coeff = 2 * Math.cos(w);
        double s1 = 0, s2 = 0;
        for (int i = 0; i < len; i++) {
            double s0 = s[off + i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return 2 * Math.sqrt(Math.max(0, power)) / len;
    }

    /**
     * Fraction of the block's energy that lies at {@code freq}: near 1 for a pure tone at that
     * frequency (when the block holds whole or many periods), near 0 for other tones.
     */
    public static double energyRatio(short[] s, int off, int len, double freq, int rate) {
        double total = 0;
        for (int i = 0; i < len; i++) total += (double) s[off + i] * s[off + i];
        if (total == 0) return 0;
        double a = amplitude(s, off, len, freq, rate);
        return Math.min(1.0, (a * a / 2) / (total / len));
    }

    /** The frequency among {@code candidates} with the largest amplitude. */
    public static double strongest(short[] s, int off, int len, int rate, double... candidates) {
        double best = Double.NaN, bestAmp = -1;
        for (double f : candidates) {
            double a = amplitude(s, off, len, f, rate);
            if (a > bestAmp) { bestAmp = a; best = f; }
        }
        return best;
    }

    /** A sine tone, for tests and tone generation: {@code amplitude} peak, phase 0. */
    public static short[] tone(double freq, int rate, int samples, double amplitude) {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * freq * i / rate));
        return s;
    }
}
