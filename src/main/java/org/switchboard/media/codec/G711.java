package org.switchboard.media.codec;

/**
 * ITU-T G.711 µ-law and A-law. Encoding goes through tables indexed by the 14-bit (µ-law) or
 * 13-bit (A-law) linear value the standard quantises; decoding is a 256-entry table. Values
 * are the standard's, scaled to 16 bits (µ-law ×4, A-law ×8), so 0xFF decodes to 0 and 0x80
 * to 32124 (µ-law), 0xD5 to 8 and 0xAA to 32256 (A-law).
 */
public final class G711 {
    private static final short[] ULAW_DECODE = new short[256];
    private static final short[] ALAW_DECODE = new short[256];
    private static final byte[] ULAW_ENCODE = new byte[1 << 14];
    private static final byte[] ALAW_ENCODE = new byte[1 << 13];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_DECODE[i] = (short) ulawToLinearSlow(i);
            ALAW_DECODE[i] = (short) alawToLinearSlow(i);
        }
        for (int i = 0; i < ULAW_ENCODE.length; i++) ULAW_ENCODE[i] = (byte) linearToUlawSlow((i - 8192) << 2);
        for (int i = 0; i < ALAW_ENCODE.length; i++) ALAW_ENCODE[i] = (byte) linearToAlawSlow((i - 4096) << 3);
    }

    private G711() {}

    public static byte linearToUlaw(int sample) { return ULAW_ENCODE[(sample >> 2) + 8192]; }
    public static byte linearToAlaw(int sample) { return ALAW_ENCODE[(sample >> 3) + 4096]; }
    public static short ulawToLinear(int code) { return ULAW_DECODE[code & 0xFF]; }
    public static short alawToLinear(int code) { return ALAW_DECODE[code & 0xFF]; }

    /** µ-law ↔ A-law without a detour visible to the caller (via linear; tables are small). */
    public static byte ulawToAlaw(int code) { return linearToAlaw(ULAW_DECODE[code & 0xFF]); }
    public static byte alawToUlaw(int code) { return linearToUlaw(ALAW_DECODE[code & 0xFF]); }

    // G.711 §2 (µ-law): 14-bit magnitude, bias 33, 8 segments, 4-bit step, all bits inverted.
    // Negatives take the one's complement, as ITU-T G.191's reference does: -1 is -0 (0x7F).
    static int linearToUlawSlow(int sample) {
        int x = sample >> 2;
        int mask = 0xFF;
        if (x < 0) { x = ~x; mask = 0x7F; }
        if (x > 8159) x = 8159;
        x += 33;
        int seg = 31 - Integer.numberOfLeadingZeros(x) - 5; // x in [33, 8192] → 0..8
        if (seg > 7) return 0x7F ^ mask;
        return ((seg << 4) | ((x >> (seg + 1)) & 0x0F)) ^ mask;
    }

    static int ulawToLinearSlow(int code) {
        int u = ~code & 0xFF;
        int t = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
        return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }

    // G.711 §3 (A-law): 13-bit value, one's-complement negatives, even bits inverted (0x55).
    static int linearToAlawSlow(int sample) {
        int x = sample >> 3;
        int mask;
        if (x >= 0) { mask = 0xD5; } else { mask = 0x55; x = -x - 1; }
        int seg = x < 32 ? 0 : 31 - Integer.numberOfLeadingZeros(x) - 4; // 0x1F→0, 0x3F→1, ...
        if (seg >= 8) return 0x7F ^ mask;
        int a = seg << 4;
        a |= seg < 2 ? (x >> 1) & 0x0F : (x >> seg) & 0x0F;
        return a ^ mask;
    }

    static int alawToLinearSlow(int code) {
        int a = (code ^ 0x55) & 0xFF;
        int t = (a & 0x0F) << 4;
        int seg = (a & 0x70) >> 4;
        if (seg == 0) t += 8;
        else t = (t + 0x108) << (seg - 1);
        return (a & 0x80) != 0 ? t : -t;
    }

    /** µ-law as a {@link Codec} (stateless). */
    public static final class Ulaw implements Codec {
        @Override public String name() { return "ulaw"; }
        @Override public int sampleRate() { return 8000; }
        @Override public int decode(byte[] in, int off, int len, short[] pcm, int pcmOff) {
            for (int i = 0; i < len; i++) pcm[pcmOff + i] = ULAW_DECODE[in[off + i] & 0xFF];
            return len;
        }
        @Override public int encode(short[] pcm, int pcmOff, int samples, byte[] out, int outOff) {
            for (int i = 0; i < samples; i++) out[outOff + i] = ULAW_ENCODE[(pcm[pcmOff + i] >> 2) + 8192];
            return samples;
        }
        @Override public int maxEncodedBytes(int samples) { return samples; }
        @Override public int samplesIn(byte[] in, int off, int len) { return len; }
    }

    /** A-law as a {@link Codec} (stateless). */
    public static final class Alaw implements Codec {
        @Override public String name() { return "alaw"; }
        @Override public int sampleRate() { return 8000; }
        @Override public int decode(byte[] in, int off, int len, short[] pcm, int pcmOff) {
            for (int i = 0; i < len; i++) pcm[pcmOff + i] = ALAW_DECODE[in[off + i] & 0xFF];
            return len;
        }
        @Override public int encode(short[] pcm, int pcmOff, int samples, byte[] out, int outOff) {
            for (int i = 0; i < samples; i++) out[outOff + i] = ALAW_ENCODE[(pcm[pcmOff + i] >> 3) + 4096];
            return samples;
        }
        @Override public int maxEncodedBytes(int samples) { return samples; }
        @Override public int samplesIn(byte[] in, int off, int len) { return len; }
    }
}
