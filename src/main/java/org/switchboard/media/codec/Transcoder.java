package org.switchboard.media.codec;

import org.switchboard.core.Frame.VoiceFrame;

/**
 * Converts voice in one direction between two codecs through linear PCM, resampling when their
 * rates differ (ulaw 8 kHz → g722 16 kHz, opus 48 kHz → alaw 8 kHz, ...). It owns the decoder,
 * resampler and encoder state of that direction, so one leg pair needs two of them.
 *
 * <p>{@link #transcode(byte[], int, int, byte[], int)} allocates nothing; {@link
 * #transcode(VoiceFrame)} allocates only the new frame's payload, which the frame owns.
 * A VoiceFrame's {@code samples} counts samples at its codec's linear rate (G.722: 16 kHz).
 */
public final class Transcoder {
    private final Codec decoder;
    private final Codec encoder;
    private final Resampler resampler; // null when rates agree
    private short[] pcm = new short[OpusCodec.MAX_FRAME];
    private short[] resampled = new short[OpusCodec.MAX_FRAME];
    private byte[] scratch = new byte[2048];
    private int lastSamples;

    public Transcoder(String from, String to) {
        this(Codecs.create(from), encoderAtRateOf(to, from));
    }

    /**
     * An Opus encoder at the source's linear rate when it can (see {@link OpusCodec}): no
     * resampling up to 48 kHz, and a narrowband source coded as one. The decoder stays at 48 kHz:
     * Concentus decoded a 48 kHz tone to silence at 8 kHz (CodecTranscoderTest's opus -> alaw).
     */
    private static Codec encoderAtRateOf(String name, String other) {
        if (name.equals("opus") && !other.equals("opus")) {
            int rate = Codecs.sampleRate(other);
            if (OpusCodec.supportsRate(rate)) return new OpusCodec(32000, rate);
        }
        return Codecs.create(name);
    }

    public Transcoder(Codec decoder, Codec encoder) {
        this.decoder = decoder;
        this.encoder = encoder;
        this.resampler = decoder.sampleRate() == encoder.sampleRate() ? null
            : new Resampler(decoder.sampleRate(), encoder.sampleRate());
    }

    public String from() { return decoder.name(); }
    public String to() { return encoder.name(); }

    /** Samples in the last output, at the target codec's usual linear rate ({@link Codecs#sampleRate}). */
    public int lastSamples() { return lastSamples; }

    /** Bytes {@link #transcode(byte[], int, int, byte[], int)} may write for {@code len} input bytes. */
    public int maxOutput(byte[] in, int off, int len) {
        int samples = decoder.samplesIn(in, off, len);
        if (samples < 0) samples = OpusCodec.MAX_FRAME;
        int outSamples = resampler == null ? samples : resampler.maxOutput(samples);
        return encoder.maxEncodedBytes(outSamples);
    }

    /**
     * Transcodes one payload into {@code out}; returns bytes written, or -1 when the payload
     * cannot be decoded or the target cannot encode its length (then nothing is written).
     */
    public int transcode(byte[] in, int off, int len, byte[] out, int outOff) {
        int need = decoder.samplesIn(in, off, len);
        if (need > pcm.length) pcm = new short[need];
        int n = decoder.decode(in, off, len, pcm, 0);
        if (n < 0) return -1;
        short[] src = pcm;
        if (resampler != null) {
            int max = resampler.maxOutput(n);
            if (max > resampled.length) resampled = new short[max];
            n = resampler.process(pcm, 0, n, resampled, 0);
            src = resampled;
        }
        int written = encoder.encode(src, 0, n, out, outOff);
        lastSamples = written < 0 ? 0 : (int) ((long) n * Codecs.sampleRate(encoder.name()) / encoder.sampleRate());
        return written;
    }

    /** Transcodes a frame; a frame already in the target codec is returned as it is. */
    public VoiceFrame transcode(VoiceFrame in) {
        if (in.codec().equals(encoder.name())) return in;
        if (!in.codec().equals(decoder.name())) {
            throw new IllegalArgumentException("transcoder " + from() + "->" + to() + " got a " + in.codec() + " frame");
        }
        byte[] p = in.payload();
        int max = maxOutput(p, 0, p.length);
        if (max > scratch.length) scratch = new byte[max];
        int len = transcode(p, 0, p.length, scratch, 0);
        if (len < 0) return new VoiceFrame(encoder.name(), new byte[0], 0);
        byte[] payload = java.util.Arrays.copyOf(scratch, len);
        return new VoiceFrame(encoder.name(), payload, lastSamples);
    }
}
