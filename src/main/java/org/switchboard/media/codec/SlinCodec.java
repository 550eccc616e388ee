package org.switchboard.media.codec;

/**
 * Signed linear PCM as frames carry it: 16-bit little-endian ("slin" 8 kHz, "slin16",
 * "slin48"). Internally every codec works on native {@code short[]}; this is the byte form.
 */
public final class SlinCodec implements Codec {
    private final String name;
    private final int rate;

    public SlinCodec(String name, int rate) {
        this.name = name;
        this.rate = rate;
    }

    @Override public String name() { return name; }
    @Override public int sampleRate() { return rate; }
    @Override public int decode(byte[] in, int off, int len, short[] pcm, int pcmOff) {
        return toShorts(in, off, len, pcm, pcmOff);
    }
    @Override public int encode(short[] pcm, int pcmOff, int samples, byte[] out, int outOff) {
        return toBytes(pcm, pcmOff, samples, out, outOff);
    }
    @Override public int maxEncodedBytes(int samples) { return 2 * samples; }
    @Override public int samplesIn(byte[] in, int off, int len) { return len / 2; }

    /** Little-endian bytes to samples; an odd last byte is ignored. Returns samples written. */
    public static int toShorts(byte[] in, int off, int len, short[] pcm, int pcmOff) {
        int n = len / 2;
        for (int i = 0; i < n; i++) {
            pcm[pcmOff + i] = (short) ((in[off + 2 * i] & 0xFF) | (in[off + 2 * i + 1] << 8));
        }
        return n;
    }

    /** Samples to little-endian bytes. Returns bytes written. */
    public static int toBytes(short[] pcm, int pcmOff, int samples, byte[] out, int outOff) {
        for (int i = 0; i < samples; i++) {
            short s = pcm[pcmOff + i];
            out[outOff + 2 * i] = (byte) s;
            out[outOff + 2 * i + 1] = (byte) (s >> 8);
        }
        return 2 * samples;
    }
}
