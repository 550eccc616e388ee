package org.switchboard.media.sound;

/**
 * G.711 µ-law and A-law sample conversion for sound files (ITU-T G.711, the segment tables of
 * its reference implementation). The media path has its own codecs; this one only serves files.
 */
final class G711 {
    private G711() {}

    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            int u = ~i & 0xff;
            int t = ((u & 0x0f) << 3) + 0x84;
            t <<= (u & 0x70) >> 4;
            ULAW_TO_LINEAR[i] = (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);

            int a = i ^ 0x55;
            int seg = (a & 0x70) >> 4;
            int v = (a & 0x0f) << 4;
            v = seg == 0 ? v + 8 : seg == 1 ? v + 0x108 : (v + 0x108) << (seg - 1);
            ALAW_TO_LINEAR[i] = (short) ((a & 0x80) != 0 ? v : -v);
        }
    }

    static short ulawToLinear(byte b) { return ULAW_TO_LINEAR[b & 0xff]; }

    static short alawToLinear(byte b) { return ALAW_TO_LINEAR[b & 0xff]; }

    static byte linearToUlaw(short sample) {
        int pcm = sample;
        int mask;
        if (pcm < 0) {
            pcm = -pcm;
            mask = 0x7f;
        } else {
            mask = 0xff;
        }
        pcm = Math.min(pcm, 32635) + 0x84;
        int seg = 7;
        for (int m = 0x4000; (pcm & m) == 0 && seg > 0; m >>= 1) seg--;
        int u = (seg << 4) | ((pcm >> (seg + 3)) & 0x0f);
        return (byte) (u ^ mask);
    }

    static byte linearToAlaw(short sample) {
        int pcm = sample;
        int mask;
        if (pcm >= 0) {
            mask = 0xd5;
        } else {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        pcm = Math.min(pcm, 32767);
        int a;
        if (pcm < 256) {
            a = pcm >> 4;
        } else {
            int seg = 1;
            for (int v = pcm >> 8; v > 1; v >>= 1) seg++;
            a = (seg << 4) | ((pcm >> (seg + 3)) & 0x0f);
        }
        return (byte) (a ^ mask);
    }
}
