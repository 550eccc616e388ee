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
import org.switchboard.media.rtp.JitterBuffer;
import org.switchboard.media.rtp.RtpPacket;
import org.switchboard.media.rtp.RtpParseResult;
import org.switchboard.media.rtp.RtpParser;
import org.switchboard.media.rtp.RtpWriter;
import org.switchboard.media.rtp.SequenceTracker;
import org.switchboard.media.rtp.SsrcRewriter;

/**
 * The per-packet work of relaying G.711 across a bridge: parse a 172-byte RTP packet, track
 * its sequence, rewrite SSRC/sequence/timestamp in place. Also a jitter buffer put+poll pair
 * and writing a packet. Figures are ns per packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class RtpBench {
    private final byte[] packet = new byte[172];
    private final byte[] payload = new byte[160];
    private final byte[] out = new byte[1500];
    private final SsrcRewriter rewriter = new SsrcRewriter(0x12345678, 8000, 1, 1);
    private final SequenceTracker tracker = new SequenceTracker(1);
    private final JitterBuffer jitter = JitterBuffer.fixed(2);
    private int seq;
    private long now;

    @Setup
    public void setup() {
        RtpWriter.write(packet, 0, false, 0, 0, 0, 0x0BADCAFE, payload, 0, 160);
    }

    @Benchmark
    public int parseAndRewrite() {
        seq = (seq + 1) & 0xFFFF;
        RtpWriter.rewrite(packet, 0, seq, seq * 160, 0x0BADCAFE); // the "arriving" packet
        RtpParseResult r = RtpParser.parse(packet, 0, packet.length);
        if (!(r instanceof RtpPacket p)) return -1;
        tracker.update(p.sequence());
        rewriter.rewrite(packet, 0, now += 20);
        return p.payloadLength() + packet[3];
    }

    @Benchmark
    public int write() {
        seq = (seq + 1) & 0xFFFF;
        return RtpWriter.write(out, 0, false, 0, seq, seq * 160, 0x12345678, payload, 0, 160);
    }

    @Benchmark
    public int jitterPutPoll() {
        seq = (seq + 1) & 0xFFFF;
        jitter.put(seq, seq * 160, payload, 0, 160);
        jitter.poll(out, 0);
        return jitter.lastLength();
    }
}
