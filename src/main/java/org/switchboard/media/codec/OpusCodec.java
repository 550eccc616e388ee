package org.switchboard.media.codec;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusPacketInfo;

/**
 * Opus (RFC 6716) through Concentus, mono. The RTP clock is always 48000 (RFC 7587 §4.1), but the
 * linear side may run at 8, 12, 16, 24 or 48 kHz (RFC 6716 §2): a transcoder to or from G.711
 * decodes and encodes at 8 kHz, which spares it the resampling to 48 kHz and the encoder the
 * analysis of a band the source never had. The encoder is built on first use, so a decode-only
 * leg never pays for it. Encode takes Opus frame sizes only (2.5 to 60 ms).
 */
public final class OpusCodec implements Codec {
    /** Largest Opus packet duration at 48 kHz (120 ms). */
    public static final int MAX_FRAME = 5760;
    private static final int MAX_PACKET = 1275;

    private OpusEncoder encoder;
    private OpusDecoder decoder;
    private final int bitrate;
    private final int rate;

    public OpusCodec() { this(32000); }

    public OpusCodec(int bitrate) { this(bitrate, 48000); }

    /** At linear rate {@code rate}, one of {@link #supportsRate}. */
    public OpusCodec(int bitrate, int rate) {
        if (!supportsRate(rate)) throw new IllegalArgumentException("Opus does not run at " + rate + " Hz");
        this.bitrate = bitrate;
        this.rate = rate;
    }

    /** The linear rates Opus encodes from and decodes to (RFC 6716 §2). */
    public static boolean supportsRate(int rate) {
        return rate == 8000 || rate == 12000 || rate == 16000 || rate == 24000 || rate == 48000;
    }

    @Override public String name() { return "opus"; }
    @Override public int sampleRate() { return rate; }
    @Override public int rtpClockRate() { return 48000; }

    @Override
    public int decode(byte[] in, int off, int len, short[] pcm, int pcmOff) {
        try {
            if (decoder == null) decoder = new OpusDecoder(rate, 1);
            int room = Math.min(MAX_FRAME * rate / 48000, pcm.length - pcmOff); // 120 ms at this rate
            return decoder.decode(in, off, len, pcm, pcmOff, room, false);
        } catch (OpusException | RuntimeException e) {
            return -1;
        }
    }

    /** Encodes one Opus frame; returns -1 unless {@code samples} lasts 2.5, 5, 10, 20, 40 or 60 ms. */
    @Override
    public int encode(short[] pcm, int pcmOff, int samples, byte[] out, int outOff) {
        int unit = rate / 400; // 2.5 ms
        int units = samples % unit == 0 ? samples / unit : -1;
        if (units != 1 && units != 2 && units != 4 && units != 8 && units != 16 && units != 24) return -1;
        try {
            if (encoder == null) {
                encoder = new OpusEncoder(rate, 1, OpusApplication.OPUS_APPLICATION_VOIP);
                encoder.setBitrate(bitrate);
                encoder.setComplexity(5);
            }
            int max = Math.min(MAX_PACKET, out.length - outOff);
            return encoder.encode(pcm, pcmOff, samples, out, outOff, max);
        } catch (OpusException | RuntimeException e) {
            return -1;
        }
    }

    @Override public int maxEncodedBytes(int samples) { return MAX_PACKET; }

    @Override
    public int samplesIn(byte[] in, int off, int len) {
        try {
            return OpusPacketInfo.getNumSamples(in, off, len, rate);
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
