package org.switchboard.net.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.media.codec.Goertzel;
import org.switchboard.media.rtp.RtpConfig;
import org.switchboard.media.rtp.RtpEngine;
import org.switchboard.media.rtp.RtpSession;

/**
 * Two ICE + DTLS-SRTP transports on loopback, each under an RtpSession as a call leg has it:
 * ICE selects the pair, DTLS runs with the negotiated roles, and a tone crosses each way at the
 * frequency it was sent, encrypted on the wire.
 */
class IceDtlsTransportTest {
    RtpEngine engine;
    IceDtlsTransport offerer, answerer;

    @BeforeEach
    void setUp() throws Exception {
        engine = new RtpEngine(InetAddress.getLoopbackAddress(), RtpConfig.defaults().withPorts(33000, 33099));
        offerer = IcePeers.open(true);
        answerer = IcePeers.open(false);
    }

    @AfterEach
    void tearDown() {
        offerer.close();
        answerer.close();
        engine.close();
    }

    @Test
    void aToneCrossesEachWayUnderRtpSessions() throws Exception {
        assertThat(offerer.localSetup()).isEqualTo(DtlsSetup.ACTPASS);
        assertThat(offerer.localFingerprint().hash()).isEqualTo("sha-256");
        assertThat(offerer.localCandidates()).first().satisfies(c -> {
            assertThat(c.type()).isEqualTo("host");
            assertThat(c.ip()).isEqualTo("127.0.0.1");
            assertThat(c.port()).isEqualTo(offerer.localAddress().getPort());
        });
        assertThat(offerer.capabilities().name()).isEqualTo("ice-dtls-srtp");
        assertThat(offerer.capabilities().secure()).isTrue();

        IcePeers.signal(offerer, answerer);
        assertThat(answerer.localSetup()).as("RFC 8842 §5.3: the answerer is active").isEqualTo(DtlsSetup.ACTIVE);
        assertThat(offerer.localSetup()).isEqualTo(DtlsSetup.PASSIVE);
        offerer.ready().get(10, TimeUnit.SECONDS);
        answerer.ready().get(10, TimeUnit.SECONDS);
        assertThat(offerer.dtlsState()).isEqualTo("connected");
        assertThat(answerer.selectedPair()).matches("127\\.0\\.0\\.1:\\d+ <-> 127\\.0\\.0\\.1:\\d+ host/host");

        IcePeers.Ear earA = new IcePeers.Ear(), earB = new IcePeers.Ear();
        RtpSession a = engine.open(offerer, earA), b = engine.open(answerer, earB);
        for (RtpSession s : List.of(a, b)) s.configure("ulaw", 0, 101, 20);
        a.setRemote(offerer.selectedRemote());
        b.setRemote(answerer.selectedRemote());

        IcePeers.ulawTone(1000, 1000).forEach(a::write);
        IcePeers.ulawTone(1500, 1000).forEach(b::write);
        short[] atB = earB.hear(40), atA = earA.hear(40);
        assertThat(Goertzel.energyRatio(atB, 0, atB.length, 1000, 8000)).isGreaterThan(0.8);
        assertThat(Goertzel.energyRatio(atA, 0, atA.length, 1500, 8000)).isGreaterThan(0.8);
        assertThat(offerer.srtpAuthFailures() + answerer.srtpAuthFailures()).isZero();

        assertThat(a.sendDtmf('5', 100)).isTrue();
        assertThat(earB.digits.poll(5, TimeUnit.SECONDS).digit()).isEqualTo('5');
        a.close(); // closes its transport
        assertThat(offerer.dtlsState()).isEqualTo("closed");
        b.close();
    }

    @Test
    void closedTransportsLeaveNoThreadsNorSocketsBehind() throws Exception {
        offerer.close(); // this test's own pairs only
        answerer.close();
        java.util.List<java.net.InetSocketAddress> ports = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            IceDtlsTransport a = IcePeers.open(true), b = IcePeers.open(false);
            IcePeers.signal(a, b);
            java.util.concurrent.CompletableFuture.allOf(a.ready(), b.ready()).get(10, TimeUnit.SECONDS);
            ports.add(a.localAddress());
            ports.add(b.localAddress());
            a.close();
            b.close();
            assertThat(a.dtlsState()).isEqualTo("closed");
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet()
            .stream().noneMatch(t -> t.getName().startsWith("IceConnector")));
        for (java.net.InetSocketAddress p : ports) {
            try (java.net.DatagramSocket again = new java.net.DatagramSocket(p)) {
                assertThat(again.getLocalPort()).isEqualTo(p.getPort());
            }
        }
    }

    @Test
    void twentyCallsComeUpAtOnce() throws Exception {
        java.util.List<IceDtlsTransport> all = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            java.util.List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> {
                    IceDtlsTransport a = IcePeers.open(true), b = IcePeers.open(false);
                    all.add(a);
                    all.add(b);
                    IcePeers.signal(a, b);
                    java.util.concurrent.CompletableFuture.allOf(a.ready(), b.ready()).get(20, TimeUnit.SECONDS);
                    return null;
                }));
            }
            for (var c : calls) c.get(30, TimeUnit.SECONDS);
        } finally {
            all.forEach(IceDtlsTransport::close);
        }
        assertThat(all).hasSize(40).allSatisfy(t -> assertThat(t.dtlsState()).isEqualTo("closed"));
    }
}
