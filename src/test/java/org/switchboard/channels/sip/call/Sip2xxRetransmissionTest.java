package org.switchboard.channels.sip.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.config.SipConfig;
import org.switchboard.channels.sip.transaction.TimerSettings;
import org.switchboard.config.ConfigReader;
import org.switchboard.testing.ManualScheduler;

/**
 * The UAS's 2xx retransmission (RFC 3261 §13.3.1.4) on a manual clock: at T1, doubling to T2,
 * until the ACK, and Timer L (64*T1, RFC 6026) ends it; T1 is sip.conf's {@code timert1}.
 */
class Sip2xxRetransmissionTest {
    @TempDir Path dir;

    private final ManualScheduler time = new ManualScheduler();
    private final List<Long> sends = new ArrayList<>();
    private final List<Long> giveUps = new ArrayList<>();

    private Sip2xxRetransmission start(TimerSettings t) {
        return new Sip2xxRetransmission(time, t, () -> sends.add(now()), () -> giveUps.add(now())).start();
    }

    private long now() { return time.clock().millis() - START; }

    private static final long START = java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private TimerSettings fromSipConf(String general) throws Exception {
        return SipConfig.read(ConfigReader.parse("sip.conf", "[general]\n" + general + "\n", dir)).timers();
    }

    @Test void defaultTimersResendAtT1DoublingToT2AndGiveUpAt64T1() throws Exception {
        TimerSettings t = fromSipConf("");
        assertThat(t).isEqualTo(TimerSettings.DEFAULT);
        start(t);
        time.advance(Duration.ofSeconds(60));
        assertThat(sends).containsExactly(500L, 1500L, 3500L, 7500L, 11500L, 15500L, 19500L, 23500L, 27500L, 31500L);
        assertThat(giveUps).containsExactly(32_000L);
    }

    @Test void timerT1FromSipConfSetsTheSchedule() throws Exception {
        TimerSettings t = fromSipConf("timert1=100");
        assertThat(t.t1()).isEqualTo(100);
        assertThat(t.t2()).isEqualTo(4000);
        start(t);
        time.advance(Duration.ofSeconds(60));
        assertThat(sends).containsExactly(100L, 300L, 700L, 1500L, 3100L, 6300L);
        assertThat(giveUps).as("Timer L: 64 * 100 ms").containsExactly(6400L);
    }

    @Test void theAckStopsItAll() {
        Sip2xxRetransmission r = start(TimerSettings.DEFAULT);
        time.advance(Duration.ofMillis(1600));
        r.stop();
        time.advance(Duration.ofSeconds(60));
        assertThat(sends).containsExactly(500L, 1500L);
        assertThat(giveUps).isEmpty();
        assertThat(time.pending()).isZero();
    }

    @Test void aTimerT1OutOfRangeIsAProblemAndTheDefaultStays() throws Exception {
        var s = SipConfig.read(ConfigReader.parse("sip.conf", "[general]\ntimert1=5\n", dir));
        assertThat(s.timers()).isEqualTo(TimerSettings.DEFAULT);
        assertThat(s.problems()).anySatisfy(p -> assertThat(p.toString()).contains("sip.conf:2").contains("timert1"));
    }
}
