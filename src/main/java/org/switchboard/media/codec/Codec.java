package org.switchboard.media.codec;

/**
 * One direction of one codec: an encoder or decoder with its state. Instances are not
 * thread-safe and carry per-stream state (G.722's ADPCM predictors, Opus), so each leg and
 * direction owns its own; {@link Codecs#create} hands out fresh ones.
 *
 * <p>Linear PCM is native {@code short[]} at {@link #sampleRate()}. "slin" frames on the wire
 * between channels carry the same samples as 16-bit signed little-endian bytes.
 */
public interface Codec {
    /** Asterisk's name: "ulaw", "alaw", "g722", "opus", "slin", "slin16", "slin48". */
    String name();

    /** Rate of the linear PCM this codec consumes and produces. */
    int sampleRate();

    /** RTP timestamp clock; differs from {@link #sampleRate()} for G.722 (RFC 3551 §4.5.2). */
    default int rtpClockRate() { return sampleRate(); }

    /**
     * Decodes {@code len} bytes into {@code pcm} from {@code pcmOff}; returns the samples written.
     * A negative result means the payload could not be decoded (a bad Opus packet).
     */
    int decode(byte[] in, int off, int len, short[] pcm, int pcmOff);

    /**
     * Encodes {@code samples} samples; returns the bytes written to {@code out}, or -1 when this
     * codec cannot take that many samples in one payload (Opus takes 2.5 to 60 ms frames only).
     */
    int encode(short[] pcm, int pcmOff, int samples, byte[] out, int outOff);

    /** Upper bound on bytes {@link #encode} writes for {@code samples} samples. */
    int maxEncodedBytes(int samples);

    /** Samples one payload of {@code len} bytes decodes to, or -1 if only decoding can tell. */
    int samplesIn(byte[] in, int off, int len);
}
