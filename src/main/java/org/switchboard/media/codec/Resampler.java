package org.switchboard.media.codec;

/**
 * Rational-ratio polyphase FIR resampler for the rates a PBX meets (8, 16, 48 kHz, any pair
 * whose ratio reduces to small integers). The low-pass is a Kaiser-windowed sinc (β 8.6,
 * about 85 dB stopband) cut at 46% of the lower rate, 24 zero crossings each side, so speech
 * band content passes flat and nothing above the lower Nyquist folds back.
 *
 * <p>Stateful: history carries across calls, so a stream resampled in 20 ms frames is seamless.
 * A 20 ms frame at one rate becomes exactly a 20 ms frame at the other. One instance per
 * stream and direction; no allocation after the first call of a given size.
 */
public final class Resampler {
    private static final int ZERO_CROSSINGS = 24;
    private static final double BETA = 8.6;

    private final int inRate;
    private final int outRate;
    private final int up;    // L
    private final int down;  // M
    private final int taps;  // per phase, K
    private final float[] coef; // [phase * taps + k]
    private float[] work;    // history (taps - 1) followed by the current input
    private long pos;        // next output position, in 1/L input samples, from the first new input

    public Resampler(int inRate, int outRate) {
        if (inRate <= 0 || outRate <= 0) throw new IllegalArgumentException("rates must be positive");
        int g = gcd(inRate, outRate);
        this.inRate = inRate;
        this.outRate = outRate;
        this.up = outRate / g;
        this.down = inRate / g;
        if (up > 64 || down > 64) throw new IllegalArgumentException("unsupported ratio " + inRate + "->" + outRate);
        this.taps = 2 * ZERO_CROSSINGS * Math.max(1, down / Math.max(1, up));
        this.coef = design(up, down, taps);
        this.work = new float[taps - 1 + 960];
    }

    public int inRate() { return inRate; }
    public int outRate() { return outRate; }

    /** Output samples {@link #process} will produce at most for {@code inputSamples} input. */
    public int maxOutput(int inputSamples) {
        return (int) (((long) inputSamples * up + down - 1) / down) + 1;
    }

    /** Resamples {@code len} samples; returns the samples written to {@code out}. */
    public int process(short[] in, int off, int len, short[] out, int outOff) {
        if (up == down) {
            System.arraycopy(in, off, out, outOff, len);
            return len;
        }
        int h = taps - 1;
        if (work.length < h + len) {
            float[] bigger = new float[h + len];
            System.arraycopy(work, 0, bigger, 0, h);
            work = bigger;
        }
        float[] w = work;
        for (int i = 0; i < len; i++) w[h + i] = in[off + i];
        int n = outOff;
        long end = (long) len * up;
        long t = pos;
        for (; t < end; t += down) {
            int i = (int) (t / up);
            int p = (int) (t - (long) i * up);
            int c = p * taps;
            int x = i; // window w[i .. i + taps - 1], oldest first; coefficients stored reversed
            float a0 = 0f, a1 = 0f, a2 = 0f, a3 = 0f; // taps is a multiple of 4
            for (int k = 0; k < taps; k += 4) {
                a0 += coef[c + k] * w[x + k];
                a1 += coef[c + k + 1] * w[x + k + 1];
                a2 += coef[c + k + 2] * w[x + k + 2];
                a3 += coef[c + k + 3] * w[x + k + 3];
            }
            int v = Math.round((a0 + a1) + (a2 + a3));
            out[n++] = (short) (v > 32767 ? 32767 : v < -32768 ? -32768 : v);
        }
        pos = t - end;
        System.arraycopy(w, len, w, 0, h);
        return n - outOff;
    }

    /** Forgets the history (a new talk spurt, a new source). */
    public void reset() {
        java.util.Arrays.fill(work, 0f);
        pos = 0;
    }

    private static float[] design(int up, int down, int taps) {
        int n = up * taps;
        double fsUp = up;                                 // in units of the input rate
        double cutoff = 0.46 * Math.min(1.0, (double) up / down); // fraction of the input rate
        double fc = cutoff / fsUp;                        // cycles per upsampled sample
        double mid = (n - 1) / 2.0;
        double i0b = bessel0(BETA);
        float[] c = new float[n];
        for (int j = 0; j < n; j++) {
            double m = j - mid;
            double sinc = m == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * m) / (Math.PI * m);
            double r = m / (mid + 0.5);
            double win = bessel0(BETA * Math.sqrt(Math.max(0, 1 - r * r))) / i0b;
            double v = up * sinc * win;
            int p = j % up;
            int k = j / up;
            c[p * taps + (taps - 1 - k)] = (float) v; // reversed: tap k multiplies the k-th newest input
        }
        return c;
    }

    private static double bessel0(double x) {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 40; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    private static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }
}
