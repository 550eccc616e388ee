package org.switchboard.media.codec;

/**
 * ITU-T G.722 encoder, 64 kbit/s (mode 1): 16 kHz 16-bit linear in, one byte per two samples
 * out (6-bit low band, 2-bit high band). Input is 16-bit; the QMF output is scaled to the 15-bit
 * range the SB-ADPCM works in. One instance per stream; not thread-safe; no allocation.
 */
public final class G722Encoder {
    // G.722 §3.1 / Table 11: the transmit QMF's 24 coefficients, h(2i) here, h(2i+1) reversed.
    static final int[] QMF = {3, -11, 12, 32, -210, 951, 3876, -805, 362, -156, 53, -11};
    // §3.2, Table 6: low-band 6-bit quantiser decision levels (×det >> 12) and codes.
    private static final int[] Q6 = {0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650,
        714, 786, 858, 940, 1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919, 0, 0};
    private static final int[] ILN = {0, 63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17,
        16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 0};
    private static final int[] ILP = {0, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45,
        44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 0};
    // §3.4 high band: 2-bit codes for negative / positive differences.
    private static final int[] IHN = {0, 1, 0};
    private static final int[] IHP = {0, 3, 2};

    // QMF history, kept twice (at p and p + 24) so the newest 24 samples are always contiguous.
    private final int[] x = new int[48];
    private int p;
    private final G722Band low = new G722Band(32);
    private final G722Band high = new G722Band(8);

    /**
     * Encodes {@code samples} (even) 16 kHz samples into {@code samples / 2} bytes; an odd last
     * sample is dropped. Returns the bytes written.
     */
    public int encode(short[] pcm, int off, int samples, byte[] out, int outOff) {
        int n = 0;
        int[] h = x;
        for (int j = 0; j + 1 < samples; j += 2) {
            // window h[p .. p+23], oldest first; the new pair lands at its end
            int a = pcm[off + j], b = pcm[off + j + 1];
            h[p] = a;
            h[p + 24] = a;
            h[p + 1] = b;
            h[p + 25] = b;
            p = (p + 2) % 24;
            int sumOdd = 0, sumEven = 0;
            for (int i = 0; i < 12; i++) {
                sumOdd += h[p + 2 * i] * QMF[i];
                sumEven += h[p + 2 * i + 1] * QMF[11 - i];
            }
            // DC gain of each half is 4096, two halves summed, 16-bit → 15-bit: >> 14.
            int xlow = (sumEven + sumOdd) >> 14;
            int xhigh = (sumEven - sumOdd) >> 14;
            out[outOff + n++] = (byte) ((encodeHigh(xhigh) << 6) | encodeLow(xlow));
        }
        return n;
    }

    private int encodeLow(int xlow) {
        G722Band b = low;
        int el = G722Band.saturate(xlow - b.s);                 // 1L SUBTRA
        int wd = el >= 0 ? el : -(el + 1);                       // 1L QUANTL
        int i = 1;
        while (i < 30 && wd >= (Q6[i] * b.det) >> 12) i++;
        int ilow = el < 0 ? ILN[i] : ILP[i];
        int ril = ilow >> 2;                                     // 2L INVQAL (4-bit)
        int dlow = (b.det * G722Decoder.QM4[ril]) >> 15;
        b.adaptScale(G722Decoder.WL[G722Decoder.RL42[ril]], 18432, 8);
        b.update(dlow);
        return ilow;
    }

    private int encodeHigh(int xhigh) {
        G722Band b = high;
        int eh = G722Band.saturate(xhigh - b.s);                // 1H SUBTRA
        int wd = eh >= 0 ? eh : -(eh + 1);                       // 1H QUANTH
        int mih = wd >= (564 * b.det) >> 12 ? 2 : 1;
        int ihigh = eh < 0 ? IHN[mih] : IHP[mih];
        int dhigh = (b.det * G722Decoder.QM2[ihigh]) >> 15;      // 2H INVQAH
        b.adaptScale(G722Decoder.WH[G722Decoder.RH2[ihigh]], 22528, 10);
        b.update(dhigh);
        return ihigh;
    }
}
