package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** chan_sip's rtptimeout and rtpholdtimeout, checked once a second on the engine timer. */
class RtpTimeoutTest {
    RtpEngine engine;
    RtpTestPeer peer;
    RtpTestPeer.Recorder rec = new RtpTestPeer.Recorder();
    RtpSession s;

    @BeforeEach
    void open() throws Exception {
        engine = new RtpEngine(RtpTestPeer.LOOPBACK, RtpConfig.defaults().withPorts(31600, 31799));
        peer = new RtpTestPeer();
        s = engine.open(rec);
        s.configure("ulaw", 0, 101, 20);
    }

    @AfterEach
    void close() {
        engine.close();
        peer.close();
    }

    @Test
    void firesOnceWhenNothingArrives() {
        s.setTimeouts(1, 0);
        s.setRemote(peer.address());
        await().atMost(Duration.ofSeconds(5)).until(() -> rec.timeouts.get() == 1);
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> rec.timeouts.get() == 1);
    }

    @Test
    void doesNotCountBeforeTheRemoteIsSet() {
        s.setTimeouts(1, 1);
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> rec.timeouts.get() == 0);
    }

    @Test
    void doesNotFireWhilePacketsKeepComing() throws Exception {
        s.setTimeouts(1, 0);
        s.setRemote(peer.address());
        long end = System.nanoTime() + 2_500_000_000L;
        for (int seq = 0; System.nanoTime() < end; seq++) {
            peer.sendRtp(s.localAddress(), seq == 0, 0, seq, seq * 160, 5, new byte[160]);
            Thread.sleep(20); // traffic at 50 packets a second
        }
        assertThat(rec.timeouts.get()).isZero();
        assertThat(s.packetsReceived()).isPositive();
    }

    @Test
    void holdUsesTheHoldTimeout() {
        s.setTimeouts(0, 1); // never while active; 1 s on hold
        s.setRemote(peer.address());
        await().during(Duration.ofMillis(2200)).atMost(Duration.ofSeconds(3)).until(() -> rec.timeouts.get() == 0);
        s.setHold(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> rec.timeouts.get() == 1);
    }
}
