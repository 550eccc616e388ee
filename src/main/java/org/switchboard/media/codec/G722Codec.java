package org.switchboard.media.codec;

/**
 * G.722 as a {@link Codec}: 16 kHz linear, one byte per two samples. Its RTP clock is 8000 Hz
 * although it samples at 16 kHz, an error kept for compatibility (RFC 3551 §4.5.2).
 */
public final class G722Codec implements Codec {
    private final G722Encoder encoder = new G722Encoder();
    private final G722Decoder decoder = new G722Decoder();

    @Override public String name() { return "g722"; }
    @Override public int sampleRate() { return 16000; }
    @Override public int rtpClockRate() { return 8000; }
    @Override public int decode(byte[] in, int off, int len, short[] pcm, int pcmOff) {
        return decoder.decode(in, off, len, pcm, pcmOff);
    }
    @Override public int encode(short[] pcm, int pcmOff, int samples, byte[] out, int outOff) {
        return encoder.encode(pcm, pcmOff, samples, out, outOff);
    }
    @Override public int maxEncodedBytes(int samples) { return samples / 2; }
    @Override public int samplesIn(byte[] in, int off, int len) { return 2 * len; }
}
