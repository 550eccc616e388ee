package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelTech;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupCause;
import org.switchboard.testing.TestPbx;

/** Wait and WaitExten: blocking apps that a hangup or a digit wakes at once. */
class WaitAppsTest {
    private TestPbx t;

    @BeforeEach
    void start() { t = new TestPbx(); }

    @AfterEach
    void stop() { t.close(); }

    private Channel channelAt(String dialplan, String exten) {
        assertThat(t.dialplan(dialplan)).isEmpty();
        Channel c = t.channel("Test/wait");
        c.setLocation("ctx", exten, 1);
        return c;
    }

    private List<String> path() {
        return t.log.stream().filter(l -> l.startsWith(" @")).map(String::strip).toList();
    }

    private static void dtmf(Channel c, String digits) {
        for (char d : digits.toCharArray()) {
            c.queueFrame(new Frame.DtmfFrame(d, false, 0));
            c.queueFrame(new Frame.DtmfFrame(d, true, 100));
        }
    }

    @Test
    void aHangupWakesWaitAtOnce() throws Exception {
        Channel c = channelAt("""
                [ctx]
                exten => s,1,Wait(60)
                 same => n,Verbose(1,@never)
                exten => h,1,Verbose(1,@h)
                """, "s");
        Thread th = t.pbx.startPbx(c);
        await().atMost(Duration.ofSeconds(5)).until(() -> "Wait".equals(c.application()));
        c.softHangup(HangupCause.NORMAL_CLEARING);
        th.join(Duration.ofSeconds(5));
        assertThat(th.isAlive()).isFalse();
        assertThat(path()).containsExactly("@h");
        assertThat(c.isDestroyed()).isTrue();
    }

    @Test
    void waitWithFractionsAndBadValuesGoesOn() {
        Channel c = channelAt("""
                [ctx]
                exten => s,1,Wait(0.01)
                 same => n,Wait(5ms)
                 same => n,Wait(abc)
                 same => n,Wait()
                 same => n,Wait(-3)
                 same => n,Verbose(1,@done)
                """, "s");
        int before = t.log.size();
        t.pbx.runPbx(c);
        assertThat(path()).containsExactly("@done");
        assertThat(t.log.subList(before, t.log.size())).noneMatch(l -> l.contains("WARNING"));
    }

    @Test
    void timeLengthsReadLikeAsterisk() {
        assertThat(AppSupport.parseTimeLenSeconds("1.5")).isEqualTo(1500);
        assertThat(AppSupport.parseTimeLenSeconds(" 2 ")).isEqualTo(2000);
        assertThat(AppSupport.parseTimeLenSeconds("250ms")).isEqualTo(250);
        assertThat(AppSupport.parseTimeLenSeconds("2m")).isEqualTo(120_000);
        assertThat(AppSupport.parseTimeLenSeconds("1h")).isEqualTo(3_600_000);
        assertThat(AppSupport.parseTimeLenSeconds("3x")).isEqualTo(-1);
        assertThat(AppSupport.parseTimeLenSeconds("x3")).isEqualTo(-1);
        assertThat(AppSupport.parseTimeLenSeconds("")).isEqualTo(-1);
        assertThat(AppSupport.parseTimeLenSeconds(null)).isEqualTo(-1);
    }

    @Test
    void waitExtenGoesToTheDigitDialed() {
        Channel c = channelAt("""
                [ctx]
                exten => s,1,WaitExten(5)
                 same => n,Verbose(1,@never)
                exten => 1,1,Verbose(1,@one)
                """, "s");
        dtmf(c, "1");
        t.pbx.runPbx(c);
        assertThat(path()).containsExactly("@one");
    }

    @Test
    void waitExtenCollectsWhileALongerExtensionCouldMatch() {
        Channel c = channelAt("""
                [ctx]
                exten => s,1,WaitExten(5)
                exten => 1,1,Verbose(1,@one)
                exten => 12,1,Verbose(1,@twelve)
                exten => 123,1,Verbose(1,@one-two-three)
                exten => 4,1,Verbose(1,@four)
                """, "s");
        dtmf(c, "123");
        t.pbx.runPbx(c);
        assertThat(path()).containsExactly("@one-two-three");
    }

    @Test
    void waitExtenStopsCollectingAfterTheDigitTimeout() {
        Channel c = channelAt("""
                [ctx]
                exten => s,1,WaitExten(5)
                exten => 12,1,Verbose(1,@twelve)
                exten => 123,1,Verbose(1,@one-two-three)
                """, "s");
        c.setDigitTimeoutMs(20);
        dtmf(c, "12");
        t.pbx.runPbx(c);
        assertThat(path()).containsExactly("@twelve");
    }

    @Test
    void waitExtenWithAnInvalidExtensionGoesToI() {
        Channel c = channelAt("""
                [ctx]
                exten => s,1,WaitExten(5)
                exten => 1,1,Verbose(1,@one)
                exten => i,1,Verbose(1,@invalid)
                """, "s");
        dtmf(c, "9");
        t.pbx.runPbx(c);
        assertThat(path()).containsExactly("@invalid");
        assertThat(c.getVar("INVALID_EXTEN")).isEqualTo("9");
        assertThat(t.logLines("Invalid extension '9' in context 'ctx' on " + c.name())).hasSize(1);
    }

    @Test
    void waitExtenInvalidWithoutIWarnsAndEndsTheCall() {
        Channel c = channelAt("""
                [ctx]
                exten => s,1,WaitExten(5)
                exten => 1,1,Verbose(1,@one)
                """, "s");
        dtmf(c, "7");
        t.pbx.runPbx(c);
        assertThat(path()).isEmpty();
        assertThat(t.logLines("Invalid extension '7', but no rule 'i' or 'e' in context 'ctx'")).hasSize(1);
    }

    @Test
    void waitExtenTimeoutGoesOnThenToT() {
        Channel c = channelAt("""
                [ctx]
                exten => s,1,WaitExten(0.01)
                 same => n,Verbose(1,@next-priority)
                 same => n,WaitExten(0.01)
                exten => t,1,Verbose(1,@timeout)
                """, "s");
        t.pbx.runPbx(c);
        assertThat(path()).containsExactly("@next-priority", "@timeout");
        assertThat(t.logLines("Timeout on " + c.name() + ", continuing...")).hasSize(1);
        assertThat(t.logLines("Timeout on " + c.name() + ", going to 't'")).hasSize(1);
    }

    @Test
    void waitExtenTimeoutRaisesAnExceptionWithE() {
        Channel c = channelAt("""
                [ctx]
                exten => s,1,WaitExten(0.01)
                exten => e,1,Verbose(1,@exception)
                """, "s");
        t.pbx.runPbx(c);
        assertThat(path()).containsExactly("@exception");
        assertThat(c.getVar("EXCEPTION_REASON")).isEqualTo("RESPONSETIMEOUT");
    }

    @Test
    void waitExtenTimeoutWithoutTWarnsAndEndsTheCall() {
        Channel c = channelAt("""
                [ctx]
                exten => s,1,WaitExten(0.01)
                exten => h,1,Verbose(1,@h)
                """, "s");
        t.pbx.runPbx(c);
        assertThat(t.logLines("Timeout but no rule 't' or 'e' in context 'ctx'")).hasSize(1);
        assertThat(path()).containsExactly("@h");
    }

    @Test
    void waitExtenUsesTheResponseTimeoutByDefault() {
        Channel c = channelAt("""
                [ctx]
                exten => s,1,WaitExten()
                exten => t,1,Verbose(1,@timeout)
                """, "s");
        c.setResponseTimeoutMs(10);
        t.pbx.runPbx(c);
        assertThat(path()).containsExactly("@timeout");
    }

    @Test
    void waitExtenMusicOnHoldNeedsAClass() {
        List<Frame.Control> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        assertThat(t.dialplan("""
                [ctx]
                exten => s,1,WaitExten(0.01,m)
                 same => n,WaitExten(0.01,m(default))
                 same => n,Verbose(1,@done)
                """)).isEmpty();
        Channel c = t.pbx.allocChannel("Test/moh-1", new ChannelTech() {
            @Override public void indicate(Channel ch, Frame.Control control) { shown.add(control); }
        }, null);
        c.setLocation("ctx", "s", 1);
        t.pbx.runPbx(c);
        assertThat(t.logLines("The 'm' option has been specified for WaitExten without a class.")).hasSize(1);
        assertThat(shown).containsExactly(Frame.Control.UNHOLD, Frame.Control.HOLD, Frame.Control.UNHOLD);
        assertThat(path()).containsExactly("@done");
    }

    @Test
    void aHangupWakesWaitExtenAtOnce() throws Exception {
        Channel c = channelAt("""
                [ctx]
                exten => s,1,WaitExten(60)
                exten => h,1,Verbose(1,@h)
                """, "s");
        Thread th = t.pbx.startPbx(c);
        await().atMost(Duration.ofSeconds(5)).until(() -> "WaitExten".equals(c.application()));
        c.softHangup(HangupCause.NORMAL_CLEARING);
        th.join(Duration.ofSeconds(5));
        assertThat(th.isAlive()).isFalse();
        assertThat(path()).containsExactly("@h");
    }

    @Test
    void aDigitArrivingLaterIsTakenAtOnce() throws Exception {
        Channel c = channelAt("""
                [ctx]
                exten => s,1,WaitExten(60)
                exten => 5,1,Verbose(1,@five)
                """, "s");
        Thread th = t.pbx.startPbx(c);
        await().atMost(Duration.ofSeconds(5)).until(() -> "WaitExten".equals(c.application()));
        dtmf(c, "5");
        th.join(Duration.ofSeconds(5));
        assertThat(th.isAlive()).isFalse();
        assertThat(path()).containsExactly("@five");
    }
}
