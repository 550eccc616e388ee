package org.switchboard.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.switchboard.core.Frame;
import org.switchboard.media.rtp.RtpConfig;
import org.switchboard.media.rtp.RtpEngine;
import org.switchboard.media.rtp.RtpSession;
import org.switchboard.media.rtp.RtpWriter;

/**
 * Native RTP bridging over loopback: a peer sends bursts of 32 G.711 packets (172 bytes) to
 * session A, which relays with B (both over plain UDP transports); B rewrites and sends them to
 * the other peer, which reads them back. Figures are packets per second through the pair, one
 * direction, including the two loopback hops and the blocking socket calls of the peers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class RtpPassthroughBench {
    private static final int BURST = 32;
    private static final RtpSession.Listener IGNORE = new RtpSession.Listener() {
        @Override public void onVoice(RtpSession s, Frame.VoiceFrame f) {}
        @Override public void onDtmf(RtpSession s, Frame.DtmfFrame f) {}
    };

    private RtpEngine engine;
    private DatagramSocket peerA;
    private DatagramSocket peerB;
    private DatagramPacket out;
    private DatagramPacket in;
    private final byte[] packet = new byte[172];
    private int seq;
    private long lost;

    @Setup
    public void setup() throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        engine = new RtpEngine(lo, RtpConfig.defaults().withPorts(34000, 34999));
        RtpSession a = engine.open(IGNORE);
        RtpSession b = engine.open(IGNORE);
        a.configure("ulaw", 0, 101, 20);
        b.configure("ulaw", 0, 101, 20);
        peerA = new DatagramSocket(new InetSocketAddress(lo, 0));
        peerB = new DatagramSocket(new InetSocketAddress(lo, 0));
        peerA.setSendBufferSize(1 << 20);
        peerB.setReceiveBufferSize(1 << 20);
        peerB.setSoTimeout(500);
        a.setRemote((InetSocketAddress) peerA.getLocalSocketAddress());
        b.setRemote((InetSocketAddress) peerB.getLocalSocketAddress());
        if (!a.relayWith(b)) throw new IllegalStateException("ulaw sessions on UDP must relay");
        out = new DatagramPacket(packet, packet.length, a.localAddress());
        in = new DatagramPacket(new byte[2048], 2048);
    }

    @TearDown
    public void tearDown() {
        if (lost > 0) System.out.println("RtpPassthroughBench: " + lost + " packets lost");
        engine.close();
        peerA.close();
        peerB.close();
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public int relayBurst() throws IOException {
        for (int i = 0; i < BURST; i++) {
            seq = (seq + 1) & 0xFFFF;
            RtpWriter.writeHeader(packet, 0, false, 0, seq, seq * 160, 0x0BADCAFE);
            peerA.send(out);
        }
        int got = 0;
        try {
            for (; got < BURST; got++) peerB.receive(in);
        } catch (SocketTimeoutException e) {
            lost += BURST - got;
        }
        return got;
    }
}
