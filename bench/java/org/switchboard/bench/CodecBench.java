package org.switchboard.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.switchboard.media.codec.G711;
import org.switchboard.media.codec.G722Decoder;
import org.switchboard.media.codec.G722Encoder;
import org.switchboard.media.codec.Goertzel;
import org.switchboard.media.codec.OpusCodec;
import org.switchboard.media.codec.Resampler;
import org.switchboard.media.codec.Transcoder;

/**
 * One 20 ms frame through each codec: G.711 (160 samples), G.722 (320 samples / 160 bytes),
 * Opus at 48 kHz for scale, a resample 8→16 kHz, and the whole ulaw→g722 transcode a bridge
 * between a G.711 phone and a G.722 phone does per packet. Figures are ns per frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class CodecBench {
    private final short[] pcm8 = Goertzel.tone(1000, 8000, 160, 10000);
    private final short[] pcm16 = Goertzel.tone(1000, 16000, 320, 10000);
    private final short[] pcm48 = Goertzel.tone(1000, 48000, 960, 10000);
    private final short[] pcmOut = new short[960];
    private final byte[] ulaw = new byte[160];
    private final byte[] g722 = new byte[160];
    private final byte[] out = new byte[1500];
    private byte[] opusPacket;
    private final G711.Ulaw ulawCodec = new G711.Ulaw();
    private final G722Encoder g722Encoder = new G722Encoder();
    private final G722Decoder g722Decoder = new G722Decoder();
    private final Resampler up = new Resampler(8000, 16000);
    private final Transcoder ulawToG722 = new Transcoder("ulaw", "g722");
    private final OpusCodec opusEncoder = new OpusCodec();
    private final OpusCodec opusDecoder = new OpusCodec();
    // a Skype<->SIP bridge: each direction through the Transcoder a leg uses
    private final Transcoder ulawToOpus = new Transcoder("ulaw", "opus");
    private final Transcoder opusToUlaw = new Transcoder("opus", "ulaw");
    // the same through an encoder at 48 kHz behind a resampler, as before Opus ran at the source's rate
    private final Transcoder ulawToOpus48k = new Transcoder(new G711.Ulaw(), new OpusCodec());

    @Setup
    public void setup() {
        ulawCodec.encode(pcm8, 0, 160, ulaw, 0);
        new G722Encoder().encode(pcm16, 0, 320, g722, 0);
        int n = new OpusCodec().encode(pcm48, 0, 960, out, 0);
        opusPacket = java.util.Arrays.copyOf(out, n);
    }

    @Benchmark
    public int ulawEncode() { return ulawCodec.encode(pcm8, 0, 160, out, 0) + out[17]; }

    @Benchmark
    public int ulawDecode() { return ulawCodec.decode(ulaw, 0, 160, pcmOut, 0) + pcmOut[17]; }

    @Benchmark
    public int g722Encode() { return g722Encoder.encode(pcm16, 0, 320, out, 0) + out[17]; }

    @Benchmark
    public int g722Decode() { return g722Decoder.decode(g722, 0, 160, pcmOut, 0) + pcmOut[17]; }

    @Benchmark
    public int resample8to16() { return up.process(pcm8, 0, 160, pcmOut, 0) + pcmOut[17]; }

    @Benchmark
    public int transcodeUlawToG722() { return ulawToG722.transcode(ulaw, 0, 160, out, 0) + out[17]; }

    @Benchmark
    public int opusEncode() { return opusEncoder.encode(pcm48, 0, 960, out, 0); }

    @Benchmark
    public int opusDecode() { return opusDecoder.decode(opusPacket, 0, opusPacket.length, pcmOut, 0); }

    @Benchmark
    public int transcodeUlawToOpus() { return ulawToOpus.transcode(ulaw, 0, 160, out, 0); }

    @Benchmark
    public int transcodeUlawToOpus48k() { return ulawToOpus48k.transcode(ulaw, 0, 160, out, 0); }

    @Benchmark
    public int transcodeOpusToUlaw() { return opusToUlaw.transcode(opusPacket, 0, opusPacket.length, out, 0) + out[17]; }
}
