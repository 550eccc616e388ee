package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ManualScheduler;

/**
 * chan_sip's rtptimeout and rtpholdtimeout, checked once a second on the engine timer. The
 * engine runs on a manual timer service: time moves when the test says, so a timeout is checked
 * to the second and the test takes milliseconds, not the seconds it describes.
 */
class RtpTimeoutTest {
    final ManualScheduler time = new ManualScheduler();
    RtpEngine engine;
    RtpTestPeer peer;
    RtpTestPeer.Recorder rec = new RtpTestPeer.Recorder();
    RtpSession s;

    @BeforeEach
    void open() throws Exception {
        engine = new RtpEngine(RtpTestPeer.LOOPBACK, RtpConfig.defaults().withPorts(31600, 31799), 5000, time, time.clock());
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
    void firesOnceAfterTheTimeoutWhenNothingArrives() {
        s.setTimeouts(3, 0);
        s.setRemote(peer.address());
        time.advance(Duration.ofMillis(2999));
        assertThat(rec.timeouts.get()).as("before 3 s of silence").isZero();
        time.advance(Duration.ofSeconds(1)); // the next once-a-second check
        assertThat(rec.timeouts.get()).isEqualTo(1);
        time.advance(Duration.ofMinutes(5));
        assertThat(rec.timeouts.get()).as("once, not every second").isEqualTo(1);
    }

    @Test
    void doesNotCountBeforeTheRemoteIsSet() {
        s.setTimeouts(1, 1);
        time.advance(Duration.ofMinutes(1));
        assertThat(rec.timeouts.get()).isZero();
    }

    @Test
    void doesNotFireWhilePacketsKeepComing() throws Exception {
        s.setTimeouts(1, 0);
        s.setRemote(peer.address());
        for (int seq = 0; seq < 10; seq++) { // a packet every 900 ms of PBX time, for 9 s
            peer.sendRtp(s.localAddress(), seq == 0, 0, seq, seq * 160, 5, new byte[160]);
            long want = seq + 1;
            await().atMost(Duration.ofSeconds(5)).until(() -> s.packetsReceived() == want);
            time.advance(Duration.ofMillis(900));
        }
        assertThat(rec.timeouts.get()).isZero();
        time.advance(Duration.ofMillis(1100)); // then silence
        assertThat(rec.timeouts.get()).isEqualTo(1);
    }

    @Test
    void holdUsesTheHoldTimeout() {
        s.setTimeouts(0, 2); // never while active; 2 s on hold
        s.setRemote(peer.address());
        time.advance(Duration.ofMinutes(1));
        assertThat(rec.timeouts.get()).isZero();
        s.setHold(true); // chan_sip counts from the last packet: the silence so far is over the hold limit
        time.advance(Duration.ofSeconds(1));
        assertThat(rec.timeouts.get()).isEqualTo(1);
    }
}
