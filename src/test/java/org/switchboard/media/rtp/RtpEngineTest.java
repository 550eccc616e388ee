package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.net.BindException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ManualScheduler;

/**
 * Port allocation: even ports, round-robin, busy ports skipped, a clear error when none is left;
 * a call's ports wait bound for the next call, and are let go after a minute without one.
 */
class RtpEngineTest {
    final RtpTestPeer.Recorder rec = new RtpTestPeer.Recorder();

    @Test
    void allocatesEvenPortsRoundRobin() throws Exception {
        try (RtpEngine engine = new RtpEngine(RtpTestPeer.LOOPBACK, RtpConfig.defaults().withPorts(31401, 31407))) {
            RtpSession s1 = engine.open(rec);
            RtpSession s2 = engine.open(rec);
            assertThat(s1.localPort()).isEqualTo(31402);
            assertThat(s2.localPort()).isEqualTo(31404);
            assertThat(s1.localAddress().getPort()).isEqualTo(31402);
            assertThat(engine.activeSessions()).isEqualTo(2);
            s1.close();
            s1.close(); // idempotent
            assertThat(engine.activeSessions()).isEqualTo(1);
            RtpSession s3 = engine.open(rec);
            assertThat(s3.localPort()).isEqualTo(31406); // not the port just freed
            RtpSession s4 = engine.open(rec);
            assertThat(s4.localPort()).isEqualTo(31402); // wrapped
            assertThat(List.of(s2.localPort(), s3.localPort(), s4.localPort())).doesNotHaveDuplicates()
                .allMatch(p -> p % 2 == 0);
            assertThatThrownBy(() -> engine.open(rec)).isInstanceOf(IOException.class)
                .hasMessage("no free RTP port in 31401-31407");
        }
    }

    @Test
    void skipsPortsHeldByOthersAndReportsExhaustion() throws Exception {
        try (DatagramSocket busy = new DatagramSocket(new InetSocketAddress(RtpTestPeer.LOOPBACK, 31420));
             DatagramSocket busyRtcp = new DatagramSocket(new InetSocketAddress(RtpTestPeer.LOOPBACK, 31423));
             RtpEngine engine = new RtpEngine(RtpTestPeer.LOOPBACK, RtpConfig.defaults().withPorts(31420, 31426))) {
            List<RtpSession> open = new ArrayList<>();
            open.add(engine.open(rec));
            open.add(engine.open(rec));
            assertThat(open).extracting(RtpSession::localPort).containsExactly(31424, 31426);
            assertThatThrownBy(() -> engine.open(rec)).isInstanceOf(IOException.class)
                .hasMessage("no free RTP port in 31420-31426");
            open.getFirst().close();
            assertThat(engine.open(rec).localPort()).isEqualTo(31424);
        }
    }

    @Test
    void closingTheEngineClosesItsSessions() throws Exception {
        RtpEngine engine = new RtpEngine(RtpTestPeer.LOOPBACK, RtpConfig.defaults().withPorts(31440, 31450));
        RtpSession s = engine.open(rec);
        engine.close();
        assertThat(s.isClosed()).isTrue();
        assertThat(engine.activeSessions()).isZero();
        try (DatagramSocket again = new DatagramSocket(new InetSocketAddress(RtpTestPeer.LOOPBACK, s.localPort()))) {
            assertThat(again.getLocalPort()).isEqualTo(s.localPort());
        }
        assertThatThrownBy(() -> engine.open(rec)).isInstanceOf(IOException.class);
    }

    @Test
    void aPairIdleForAMinuteIsClosedAndItsPortsAreFree() throws Exception {
        ManualScheduler time = new ManualScheduler();
        try (RtpEngine engine = new RtpEngine(RtpTestPeer.LOOPBACK, RtpConfig.defaults().withPorts(31460, 31470), 5000, time, time.clock())) {
            RtpSession s = engine.open(rec);
            int port = s.localPort();
            s.close();
            assertThat(engine.idlePairs()).as("kept bound for the next call").isEqualTo(1);
            time.advance(Duration.ofSeconds(59));
            assertThatThrownBy(() -> new DatagramSocket(new InetSocketAddress(RtpTestPeer.LOOPBACK, port)).close())
                .as("still bound after 59 s").isInstanceOf(BindException.class);
            time.advance(Duration.ofSeconds(2));
            assertThat(engine.idlePairs()).isZero();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                try (DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(RtpTestPeer.LOOPBACK, port));
                     DatagramSocket rtcp = new DatagramSocket(new InetSocketAddress(RtpTestPeer.LOOPBACK, port + 1))) {
                    assertThat(rtp.getLocalPort()).isEqualTo(port);
                }
            });
            assertThat(engine.open(rec).localPort()).as("the engine binds afresh").isBetween(31460, 31470);
        }
    }
}
