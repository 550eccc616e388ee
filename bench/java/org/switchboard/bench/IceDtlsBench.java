package org.switchboard.bench;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
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
import org.switchboard.net.dtls.DatagramPipe;
import org.switchboard.net.dtls.DtlsCertificate;
import org.switchboard.net.dtls.DtlsEndpoint;
import org.switchboard.net.dtls.Srtp;
import org.switchboard.net.dtls.SrtpKeys;
import org.switchboard.net.ice.IceDtlsTransport;
import org.switchboard.net.ice.IceSettings;

/**
 * The ICE + DTLS-SRTP media transport (run: {@code bench/run jmh IceDtlsBench}).
 * <ul>
 * <li>{@code dtlsHandshake}: DTLS 1.2 handshakes per second, client and server both in this JVM
 *     over in-memory datagram pipes (ECDHE P-256, ECDSA certificates both ways, use_srtp, key
 *     export): the CPU cost; a PBX does one end per call, so its own capacity is about twice this.</li>
 * <li>{@code openToFirstPacket}: from {@code open()} of two transports on loopback (ICE checks,
 *     DTLS, SRTP keys) to the first RTP packet decrypted at the far session; one shot per
 *     iteration, 100 iterations: JMH prints p50/p99.</li>
 * <li>{@code srtpProtectUnprotect}: one 172-byte G.711 packet protected and unprotected (the
 *     per-packet hot path, both directions), ns.</li>
 * </ul>
 */
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class IceDtlsBench {
    @State(Scope.Benchmark)
    public static class Certs {
        final DtlsCertificate a = DtlsCertificate.generate(), b = DtlsCertificate.generate();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 2, time = 3)
    @Measurement(iterations = 3, time = 5)
    public SrtpKeys dtlsHandshake(Certs c) throws Exception {
        DatagramPipe[] p = new DatagramPipe[2];
        p[0] = new DatagramPipe((b, o, l) -> p[1].offer(Arrays.copyOfRange(b, o, o + l)));
        p[1] = new DatagramPipe((b, o, l) -> p[0].offer(Arrays.copyOfRange(b, o, o + l)));
        CompletableFuture<DtlsEndpoint.Result> server = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                server.complete(DtlsEndpoint.handshake(c.b, false, "sha-256", c.a.fingerprint(), p[1], Duration.ofSeconds(10)));
            } catch (Exception e) {
                server.completeExceptionally(e);
            }
        });
        DtlsEndpoint.Result client = DtlsEndpoint.handshake(c.a, true, "sha-256", c.b.fingerprint(), p[0], Duration.ofSeconds(10));
        server.get(10, TimeUnit.SECONDS);
        return client.keys();
    }

    @State(Scope.Benchmark)
    public static class Loopback {
        RtpEngine engine;
        IceSettings settings;
        IceDtlsTransport a, b;
        RtpSession sa, sb;

        @Setup(Level.Trial)
        public void engine() {
            engine = new RtpEngine(InetAddress.getLoopbackAddress(), RtpConfig.defaults().withPorts(34000, 34999));
            settings = new IceSettings(List.of(InetAddress.getLoopbackAddress()), null, 0, 0, Duration.ofSeconds(10));
        }

        @TearDown(Level.Invocation)
        public void hangUp() {
            if (sa != null) sa.close();
            if (sb != null) sb.close();
            if (a != null) a.close();
            if (b != null) b.close();
        }

        @TearDown(Level.Trial)
        public void close() { engine.close(); }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 20)
    @Measurement(iterations = 100)
    public Frame openToFirstPacket(Loopback s) throws Exception {
        s.a = IceDtlsTransport.open(s.settings, true);
        s.b = IceDtlsTransport.open(s.settings, false);
        s.b.setRemote(s.a.localCredentials(), s.a.localFingerprint(), s.a.localSetup());
        s.a.localCandidates().forEach(s.b::addRemoteCandidate);
        s.a.setRemote(s.b.localCredentials(), s.b.localFingerprint(), s.b.localSetup());
        s.b.localCandidates().forEach(s.a::addRemoteCandidate);
        CompletableFuture<Frame> heard = new CompletableFuture<>();
        s.sb = s.engine.open(s.b, new RtpSession.Listener() {
            @Override public void onVoice(RtpSession x, Frame.VoiceFrame f) { heard.complete(f); }
            @Override public void onDtmf(RtpSession x, Frame.DtmfFrame f) {}
        });
        s.sa = s.engine.open(s.a, new RtpSession.Listener() {
            @Override public void onVoice(RtpSession x, Frame.VoiceFrame f) {}
            @Override public void onDtmf(RtpSession x, Frame.DtmfFrame f) {}
        });
        s.sa.configure("ulaw", 0, -1, 20);
        s.sb.configure("ulaw", 0, -1, 20);
        CompletableFuture.allOf(s.a.ready(), s.b.ready()).get(10, TimeUnit.SECONDS);
        s.sa.setRemote(s.a.selectedRemote());
        s.sa.write(new Frame.VoiceFrame("ulaw", new byte[160], 160));
        return heard.get(10, TimeUnit.SECONDS);
    }

    @State(Scope.Thread)
    public static class Packets {
        Srtp client, server;
        final byte[] rtp = new byte[172];
        int seq;

        @Setup
        public void keys() {
            byte[] k = new byte[16], salt = new byte[14];
            Arrays.fill(k, (byte) 1);
            Arrays.fill(salt, (byte) 2);
            SrtpKeys keys = new SrtpKeys(SrtpKeys.AES128_CM_HMAC_SHA1_80, k, salt, k.clone(), salt.clone());
            client = new Srtp(keys, true);
            server = new Srtp(keys, false);
            rtp[0] = (byte) 0x80;
            rtp[11] = 1;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public int srtpProtectUnprotect(Packets p) {
        int seq = ++p.seq;
        p.rtp[2] = (byte) (seq >> 8);
        p.rtp[3] = (byte) seq;
        System.arraycopy(p.rtp, 0, p.client.txReset(p.rtp.length), 0, p.rtp.length);
        int n = p.client.protectRtp();
        System.arraycopy(p.client.txBuffer(), 0, p.server.rxReset(n), 0, n);
        return p.server.unprotectRtp();
    }
}
