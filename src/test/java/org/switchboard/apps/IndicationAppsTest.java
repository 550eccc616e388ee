package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.ChannelTech;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupCause;
import org.switchboard.testing.TestPbx;

/** Answer, Hangup, Progress, Ringing, Busy and Congestion, seen from the channel technology. */
class IndicationAppsTest {
    private TestPbx t;
    private final List<String> techSaw = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() { t = new TestPbx(); }

    @AfterEach
    void stop() { t.close(); }

    private Channel channel(String dialplan) {
        assertThat(t.dialplan(dialplan)).isEmpty();
        Channel c = t.pbx.allocChannel("Test/ind-" + t.pbx.channels().nextSuffix(), new ChannelTech() {
            @Override public void answer(Channel ch) { techSaw.add("answer"); }
            @Override public void indicate(Channel ch, Frame.Control control) { techSaw.add(control.name()); }
        }, null);
        c.setLocation("ctx", "s", 1);
        return c;
    }

    private List<String> path() {
        return t.log.stream().filter(l -> l.startsWith(" @")).map(String::strip).toList();
    }

    @Test
    void answerAnswersOnce() {
        Channel c = channel("""
                [ctx]
                exten => s,1,Answer()
                 same => n,Answer(500)
                 same => n,Verbose(1,@up)
                """);
        t.pbx.runPbx(c);
        assertThat(techSaw).containsExactly("answer");
        assertThat(c.answeredMillis()).isPositive();
        assertThat(path()).containsExactly("@up");
    }

    @Test
    void answerWithADelayWaitsAfterAnswering() {
        Channel c = channel("""
                [ctx]
                exten => s,1,Answer(10,nocdr)
                 same => n,Verbose(1,@up)
                """);
        t.pbx.runPbx(c);
        assertThat(techSaw).containsExactly("answer");
        assertThat(t.logLines("The nocdr option for the Answer application has been removed")).hasSize(1);
        assertThat(path()).containsExactly("@up");
    }

    @Test
    void progressAndRingingOnlyIndicate() {
        Channel c = channel("""
                [ctx]
                exten => s,1,Progress()
                 same => n,Ringing()
                 same => n,Verbose(1,@goes-on)
                """);
        t.pbx.runPbx(c);
        assertThat(techSaw).containsExactly("PROGRESS", "RINGING");
        assertThat(path()).containsExactly("@goes-on");
    }

    @Test
    void hangupWithACauseNumberOrName() {
        Channel c = channel("""
                [ctx]
                exten => s,1,Hangup(21)
                 same => n,Verbose(1,@never)
                exten => h,1,Verbose(1,@h)
                """);
        t.pbx.runPbx(c);
        assertThat(c.hangupCause()).isEqualTo(21);
        assertThat(path()).containsExactly("@h");

        Channel c2 = channel("[ctx]\nexten => s,1,Hangup(user_busy)\n");
        t.pbx.runPbx(c2);
        assertThat(c2.hangupCause()).isEqualTo(HangupCause.USER_BUSY);
    }

    @Test
    void hangupWithoutACauseKeepsTheOneSetOrUsesNormalClearing() {
        Channel c = channel("[ctx]\nexten => s,1,Hangup()\n");
        t.pbx.runPbx(c);
        assertThat(c.hangupCause()).isEqualTo(HangupCause.NORMAL_CLEARING);

        Channel c2 = channel("[ctx]\nexten => s,1,Hangup(bogus)\n");
        c2.setHangupCause(HangupCause.NO_ANSWER);
        t.pbx.runPbx(c2);
        assertThat(c2.hangupCause()).isEqualTo(HangupCause.NO_ANSWER);
        assertThat(t.logLines("Invalid cause given to Hangup(): \"bogus\"")).hasSize(1);
    }

    @Test
    void busyWithATimeoutMarksTheChannelAndEndsTheCall() {
        Channel c = channel("""
                [ctx]
                exten => s,1,Busy(0.01)
                 same => n,Verbose(1,@never)
                """);
        List<ChannelState> states = new CopyOnWriteArrayList<>();
        t.pbx.events().subscribe(e -> {
            if (e.name().equals("Newstate") && e.get("Channel").equals(c.name())) {
                states.add(ChannelState.values()[Integer.parseInt(e.get("ChannelState"))]);
            }
        });
        t.pbx.runPbx(c);
        assertThat(techSaw).containsExactly("BUSY");
        assertThat(states).containsExactly(ChannelState.BUSY);
        assertThat(c.hangupCause()).isEqualTo(HangupCause.USER_BUSY);
        assertThat(path()).isEmpty();
    }

    @Test
    void congestionOnAnAnsweredCallOnlyIndicates() {
        Channel c = channel("""
                [ctx]
                exten => s,1,Answer()
                 same => n,Congestion(0)
                """);
        t.pbx.runPbx(c);
        assertThat(techSaw).containsExactly("answer", "CONGESTION");
        assertThat(c.hangupCause()).isEqualTo(HangupCause.NORMAL_CLEARING);
    }

    @Test
    void congestionWithoutTimeoutWaitsForTheHangup() throws Exception {
        Channel c = channel("""
                [ctx]
                exten => s,1,Congestion()
                exten => h,1,Verbose(1,@h)
                """);
        Thread th = t.pbx.startPbx(c);
        await().atMost(Duration.ofSeconds(5)).until(() -> techSaw.contains("CONGESTION"));
        assertThat(th.isAlive()).isTrue();
        assertThat(c.state()).isEqualTo(ChannelState.BUSY);
        c.queueFrame(new Frame.DtmfFrame('1', true, 100));   // frames are read and dropped meanwhile
        c.softHangup(HangupCause.NORMAL_CLEARING);
        th.join(Duration.ofSeconds(5));
        assertThat(th.isAlive()).isFalse();
        assertThat(c.hangupCause()).isEqualTo(HangupCause.NORMAL_CIRCUIT_CONGESTION);
        assertThat(path()).containsExactly("@h");
    }
}
