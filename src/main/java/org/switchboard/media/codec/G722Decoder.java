package org.switchboard.media.codec;

/**
 * ITU-T G.722 decoder, 64 kbit/s (mode 1): one byte in, two 16 kHz 16-bit samples out.
 * One instance per stream; not thread-safe; no allocation.
 */
public final class G722Decoder {
    // §3.3 Table 7: 4-bit inverse quantiser used for prediction (all modes).
    static final int[] QM4 = {0, -20456, -12896, -8968, -6288, -4240, -2584, -1200, 20456, 12896, 8968, 6288,
        4240, 2584, 1200, 0};
    // Table 6: 6-bit inverse quantiser, the reconstruction used for output in mode 1.
    static final int[] QM6 = {-136, -136, -136, -136, -24808, -21904, -19008, -16704, -14984, -13512, -12280,
        -11192, -10232, -9360, -8576, -7856, -7192, -6576, -6000, -5456, -4944, -4464, -4008, -3576, -3168,
        -2776, -2400, -2032, -1688, -1360, -1040, -728, 24808, 21904, 19008, 16704, 14984, 13512, 12280, 11192,
        10232, 9360, 8576, 7856, 7192, 6576, 6000, 5456, 4944, 4464, 4008, 3576, 3168, 2776, 2400, 2032, 1688,
        1360, 1040, 728, 432, 136, -432, -136};
    // Table 9 / Table 10: high band inverse quantiser; log scale multipliers.
    static final int[] QM2 = {-7408, -1616, 7408, 1616};
    static final int[] WL = {-60, -30, 58, 172, 334, 538, 1198, 3042};
    static final int[] RL42 = {0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0};
    static final int[] WH = {0, -214, 798};
    static final int[] RH2 = {2, 1, 2, 1};

    // QMF history, kept twice (at p and p + 24) so the newest 24 values are always contiguous.
    private final int[] x = new int[48];
    private int p;
    private final G722Band low = new G722Band(32);
    private final G722Band high = new G722Band(8);

    /** Decodes {@code len} bytes into {@code 2 * len} samples; returns the samples written. */
    public int decode(byte[] in, int off, int len, short[] pcm, int pcmOff) {
        int n = pcmOff;
        for (int j = 0; j < len; j++) {
            int code = in[off + j] & 0xFF;
            int ilow = code & 0x3F;
            int ihigh = (code >> 6) & 0x03;

            G722Band b = low;
            int rlow = b.s + ((b.det * QM6[ilow]) >> 15);              // 5L INVQBL, RECONS
            rlow = Math.max(-16384, Math.min(16383, rlow));              // 6L LIMIT
            int dlow = (b.det * QM4[ilow >> 2]) >> 15;                   // 2L INVQAL
            b.adaptScale(WL[RL42[ilow >> 2]], 18432, 8);
            b.update(dlow);

            b = high;
            int dhigh = (b.det * QM2[ihigh]) >> 15;                      // 2H INVQAH
            int rhigh = Math.max(-16384, Math.min(16383, dhigh + b.s));  // 5H RECONS, 6H LIMIT
            b.adaptScale(WH[RH2[ihigh]], 22528, 10);
            b.update(dhigh);

            // §3.7 receive QMF
            int[] h = x;
            int sum = rlow + rhigh, diff = rlow - rhigh;
            h[p] = sum;
            h[p + 24] = sum;
            h[p + 1] = diff;
            h[p + 25] = diff;
            p = (p + 2) % 24;
            int xout1 = 0, xout2 = 0;
            for (int i = 0; i < 12; i++) {
                xout2 += h[p + 2 * i] * G722Encoder.QMF[i];
                xout1 += h[p + 2 * i + 1] * G722Encoder.QMF[11 - i];
            }
            pcm[n++] = (short) G722Band.saturate(xout1 >> 11);
            pcm[n++] = (short) G722Band.saturate(xout2 >> 11);
        }
        return n - pcmOff;
    }
}
