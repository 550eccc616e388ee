package org.switchboard.media.dtmf;

/**
 * Finds DTMF key presses in linear PCM, block by block (102 samples at 8 kHz, about 13 ms, as
 * Asterisk's dsp.c uses): a Goertzel filter per Q.23 frequency, and a block is a key when one low
 * and one high tone stand out (each at least 8 dB above the others of its group), are loud enough,
 * their levels differ by no more than the allowed twist, and together carry most of the block's
 * energy, so speech and music rarely pass. A press begins after two such blocks in a row and ends
 * after two without it. Not thread-safe; allocates nothing per sample block.
 */
public final class DtmfDetector {
    /** What the detector reports. */
    public interface Listener {
        void begin(char key);

        void end(char key, int durationMs);
    }

    private static final double MIN_AMPLITUDE = 250;       // each tone, in sample units (about -42 dBm0)
    private static final double NORMAL_TWIST = 6.31;       // high group louder than low: 8 dB in power
    private static final double REVERSE_TWIST = 4.0;       // low group louder than high: 6 dB
    private static final double RELATIVE_PEAK = 6.31;      // 8 dB above the rest of its group
    private static final double TONE_SHARE = 0.55;         // of the block's energy in the two tones

    private final Listener listener;
    private final int blockSize;
    private final int blockMs10;                           // block length in tenths of ms
    private final double[] rowCoeff = new double[4];
    private final double[] colCoeff = new double[4];
    private final double[] rowPower = new double[4];
    private final double[] colPower = new double[4];
    private final short[] block;
    private int fill;
    private char current;          // the key held down, 0 when none
    private char candidate;
    private int hits;
    private int misses;
    private int heldTenths;

    public DtmfDetector(int sampleRate, Listener listener) {
        this.listener = listener;
        this.blockSize = Math.max(32, Math.round(102f * sampleRate / 8000));
        this.blockMs10 = blockSize * 10_000 / sampleRate;
        this.block = new short[blockSize];
        for (int i = 0; i < 4; i++) {
            rowCoeff[i] = 2 * Math.cos(2 * Math.PI * DtmfTones.ROWS[i] / sampleRate);
            colCoeff[i] = 2 * Math.cos(2 * Math.PI * DtmfTones.COLUMNS[i] / sampleRate);
        }
    }

    /** The key held down now, or 0. */
    public char current() { return current; }

    public void feed(short[] pcm, int off, int len) {
        for (int i = 0; i < len; ) {
            int n = Math.min(len - i, blockSize - fill);
            System.arraycopy(pcm, off + i, block, fill, n);
            fill += n;
            i += n;
            if (fill == blockSize) {
                fill = 0;
                step(classify());
            }
        }
    }

    /** A press still held when the stream ends is reported ended. */
    public void flush() {
        if (current != 0) listener.end(current, heldTenths / 10);
        current = 0;
        candidate = 0;
        hits = 0;
        misses = 0;
    }

    private void step(char key) {
        if (current != 0) {
            if (key == current) {
                misses = 0;
                heldTenths += blockMs10;
                return;
            }
            if (++misses < 2) {
                heldTenths += blockMs10;
                return;
            }
            listener.end(current, heldTenths / 10);
            current = 0;
        }
        if (key == 0) {
            candidate = 0;
            hits = 0;
            return;
        }
        if (key == candidate) {
            hits++;
        } else {
            candidate = key;
            hits = 1;
        }
        if (hits >= 2) {
            current = key;
            misses = 0;
            heldTenths = 2 * blockMs10;
            candidate = 0;
            hits = 0;
            listener.begin(key);
        }
    }

    /** The key this block holds, or 0. */
    private char classify() {
        double energy = 0;
        for (int i = 0; i < blockSize; i++) energy += (double) block[i] * block[i];
        if (energy == 0) return 0;
        for (int f = 0; f < 4; f++) {
            rowPower[f] = power(rowCoeff[f]);
            colPower[f] = power(colCoeff[f]);
        }
        int r = strongest(rowPower), c = strongest(colPower);
        double rp = rowPower[r], cp = colPower[c];
        double min = MIN_AMPLITUDE * MIN_AMPLITUDE / 2;
        if (rp < min || cp < min) return 0;
        if (cp > rp * NORMAL_TWIST || rp > cp * REVERSE_TWIST) return 0;
        for (int f = 0; f < 4; f++) {
            if (f != r && rowPower[f] * RELATIVE_PEAK > rp) return 0;
            if (f != c && colPower[f] * RELATIVE_PEAK > cp) return 0;
        }
        if (rp + cp < TONE_SHARE * energy / blockSize) return 0;
        return DtmfTones.key(r, c);
    }

    /** The power (amplitude squared over two) of the block at the frequency with this coefficient. */
    private double power(double coeff) {
        double s1 = 0, s2 = 0;
        for (int i = 0; i < blockSize; i++) {
            double s0 = block[i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double p = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return 2 * Math.max(0, p) / ((double) blockSize * blockSize);
    }

    private static int strongest(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}
