package org.switchboard.media.codec;

/**
 * State of one G.722 sub-band's SB-ADPCM (ITU-T G.722 §3.6, block 4): the adaptive pole/zero
 * predictor shared by encoder and decoder, plus the quantiser scale (§3.3 LOGSCL/SCALEL).
 * All arithmetic follows the standard's fixed-point rules so that encoder and decoder track.
 */
final class G722Band {
    // G.722 Table 14 (ILB): 2^(i/32) scaled by 2048, the scale factor's antilog.
    static final int[] ILB = {2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656,
        2714, 2774, 2834, 2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838,
        3922, 4008};

    int s;      // predicted signal
    int sp;     // pole section output
    int sz;     // zero section output
    final int[] r = new int[3];   // reconstructed signal
    final int[] a = new int[3];   // pole coefficients
    final int[] ap = new int[3];
    final int[] p = new int[3];   // partial reconstruction
    final int[] d = new int[7];   // quantised difference
    final int[] b = new int[7];   // zero coefficients
    final int[] bp = new int[7];
    final int[] sg = new int[7];
    int nb;     // log scale factor
    int det;    // scale factor

    G722Band(int initialDet) { this.det = initialDet; }

    static int saturate(int v) {
        return v > 32767 ? 32767 : v < -32768 ? -32768 : v;
    }

    /** LOGSCL + SCALEL (§3.3, §3.5 for the high band): adapt the step size after a code. */
    void adaptScale(int w, int nbMax, int shiftBase) {
        int wd = (nb * 127) >> 7;
        wd += w;
        nb = wd < 0 ? 0 : Math.min(wd, nbMax);
        int wd1 = (nb >> 6) & 31;
        int wd2 = shiftBase - (nb >> 11);
        int wd3 = wd2 < 0 ? ILB[wd1] << -wd2 : ILB[wd1] >> wd2;
        det = wd3 << 2;
    }

    /** Block 4: RECONS, PARREC, UPPOL2, UPPOL1, UPZERO, DELAYA, FILTEP, FILTEZ, PREDIC. */
    void update(int dq) {
        d[0] = dq;
        r[0] = saturate(s + dq);
        p[0] = saturate(sz + dq);

        // UPPOL2
        for (int i = 0; i < 3; i++) sg[i] = p[i] >> 15;
        int wd1 = saturate(a[1] << 2);
        int wd2 = sg[0] == sg[1] ? -wd1 : wd1;
        if (wd2 > 32767) wd2 = 32767;
        int wd3 = (sg[0] == sg[2] ? 128 : -128) + (wd2 >> 7) + ((a[2] * 32512) >> 15);
        ap[2] = Math.max(-12288, Math.min(12288, wd3));

        // UPPOL1
        wd1 = sg[0] == sg[1] ? 192 : -192;
        wd2 = (a[1] * 32640) >> 15;
        ap[1] = saturate(wd1 + wd2);
        wd3 = saturate(15360 - ap[2]);
        if (ap[1] > wd3) ap[1] = wd3;
        else if (ap[1] < -wd3) ap[1] = -wd3;

        // UPZERO
        wd1 = dq == 0 ? 0 : 128;
        sg[0] = dq >> 15;
        for (int i = 1; i < 7; i++) {
            sg[i] = d[i] >> 15;
            wd2 = sg[i] == sg[0] ? wd1 : -wd1;
            wd3 = (b[i] * 32640) >> 15;
            bp[i] = saturate(wd2 + wd3);
        }

        // DELAYA
        for (int i = 6; i > 0; i--) {
            d[i] = d[i - 1];
            b[i] = bp[i];
        }
        for (int i = 2; i > 0; i--) {
            r[i] = r[i - 1];
            p[i] = p[i - 1];
            a[i] = ap[i];
        }

        // FILTEP
        wd1 = saturate(r[1] + r[1]);
        wd1 = (a[1] * wd1) >> 15;
        wd2 = saturate(r[2] + r[2]);
        wd2 = (a[2] * wd2) >> 15;
        sp = saturate(wd1 + wd2);

        // FILTEZ
        int z = 0;
        for (int i = 6; i > 0; i--) {
            wd1 = saturate(d[i] + d[i]);
            z += (b[i] * wd1) >> 15;
        }
        sz = saturate(z);

        // PREDIC
        s = saturate(sp + sz);
    }
}
