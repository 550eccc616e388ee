package org.switchboard.media.codec;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusPacketInfo;

/**
 * Opus (RFC 6716) through Concentus, mono at 48 kHz (RFC 7587: the RTP clock is always 48000).
 * The encoder is built on first use, so a decode-only leg never pays for it. Encode takes
 * Opus frame sizes only (2.5 to 60 ms: 120..2880 samples).
 */
public final class OpusCodec implements Codec {
    /** Largest Opus packet duration at 48 kHz (120 ms). */
    public static final int MAX_FRAME = 5760;
    private static final int MAX_PACKET = 1275;

    private OpusEncoder encoder;
    private OpusDecoder decoder;
    private final int bitrate;

    public OpusCodec() { this(32000); }

    public OpusCodec(int bitrate) { this.bitrate = bitrate; }

    @Override public String name() { return "opus"; }
    @Override public int sampleRate() { return 48000; }

    @Override
    public int decode(byte[] in, int off, int len, short[] pcm, int pcmOff) {
        try {
            if (decoder == null) decoder = new OpusDecoder(48000, 1);
            int room = Math.min(MAX_FRAME, pcm.length - pcmOff);
            return decoder.decode(in, off, len, pcm, pcmOff, room, false);
        } catch (OpusException | RuntimeException e) {
            return -1;
        }
    }

    /** Encodes one Opus frame; returns -1 when {@code samples} is not 120, 240, 480, 960, 1920 or 2880. */
    @Override
    public int encode(short[] pcm, int pcmOff, int samples, byte[] out, int outOff) {
        if (samples != 120 && samples != 240 && samples != 480 && samples != 960 && samples != 1920 && samples != 2880) {
            return -1;
        }
        try {
            if (encoder == null) {
                encoder = new OpusEncoder(48000, 1, OpusApplication.OPUS_APPLICATION_VOIP);
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
            return OpusPacketInfo.getNumSamples(in, off, len, 48000);
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
