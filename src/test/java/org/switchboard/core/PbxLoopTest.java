package org.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.TestPbx;

/** The pbx loop itself: special extensions, runaway channels, many channels at once. */
class PbxLoopTest {
    private TestPbx t;

    @BeforeEach
    void start() { t = new TestPbx(); }

    @AfterEach
    void stop() { t.close(); }

    @Test
    void executingLinesLookLikeAsterisks() {
        t.dialplan("""
                [phones]
                exten => 100,1,NoOp(hello)
                """);
        Channel c = t.channel("Test/x");
        c.setLocation("phones", "100", 1);
        t.pbx.runPbx(c);
        assertThat(t.log).contains("    -- Executing [100@phones:1] NoOp(\"" + c.name() + "\", \"hello\") in new stack");
        assertThat(t.log).contains("    -- Auto fallthrough, channel '" + c.name() + "' status is 'UNKNOWN'");
        assertThat(c.isDestroyed()).isTrue();
    }

    @Test
    void invalidExtensionGoesToIAndHangupRunsH() {
        t.dialplan("""
                [ctx]
                exten => i,1,Verbose(1,invalid ${INVALID_EXTEN})
                exten => h,1,Verbose(1,hangup handler ran)
                """);
        Channel c = t.channel("Test/x");
        c.setLocation("ctx", "999", 1);
        t.pbx.runPbx(c);
        assertThat(t.said("invalid 999")).hasSize(1);
        assertThat(t.said("hangup handler ran")).hasSize(1);
    }

    @Test
    void invalidExtensionWithoutHandlerIsAWarningNotACrash() {
        t.dialplan("[ctx]\nexten => 1,1,NoOp()\n");
        Channel c = t.channel("Test/x");
        c.setLocation("ctx", "2", 1);
        t.pbx.runPbx(c);
        assertThat(t.said("sent to invalid extension but no invalid handler")).hasSize(1);
    }

    @Test
    void unknownApplicationHangsUpWithAWarning() {
        t.dialplan("[ctx]\nexten => 1,1,NoSuchApp(x)\n same => n,Verbose(1,never)\n");
        Channel c = t.channel("Test/x");
        c.setLocation("ctx", "1", 1);
        t.pbx.runPbx(c);
        assertThat(t.said("No application 'NoSuchApp' for extension (ctx, 1, 1)")).hasSize(1);
        assertThat(t.said("never")).isEmpty();
    }

    @Test
    void aChannelLoopingForeverCanBeHungUp() throws Exception {
        t.dialplan("""
                [ctx]
                exten => loop,1,NoOp(spin)
                 same => n,Goto(1)
                """);
        Channel c = t.channel("Test/loop");
        c.setLocation("ctx", "loop", 1);
        Thread th = t.pbx.startPbx(c);
        await().atMost(Duration.ofSeconds(5)).until(() -> c.priority() == 2 || t.said("spin").size() > 10);
        c.softHangup(HangupCause.NORMAL_CLEARING);
        th.join(5000);
        assertThat(th.isAlive()).isFalse();
        assertThat(c.isDestroyed()).isTrue();
    }

    @Test
    void tenThousandChannelsOriginatedAtOnceAllWaitAndAllHangUp() throws Exception {
        PbxLog.setVerbose(0);
        try {
            t.dialplan("[w]\nexten => 1,1,Wait(60)\n");
            List<Channel> ones = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                ones.add(Originate.toApplication(t.pbx, "Local/1@w", "Wait", "60", 60_000, Map.of(), null));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> t.pbx.channels().count() == 20_000);
            for (Channel c : t.pbx.channels().all()) c.softHangup(HangupCause.NORMAL_CLEARING);
            await().atMost(Duration.ofSeconds(60)).until(() -> t.pbx.channels().count() == 0);
            assertThat(ones).allMatch(Channel::isDestroyed);
        } finally {
            PbxLog.setVerbose(3);
        }
    }

    @Test
    void asyncGotoMovesAChannelOutOfAWaitWithoutRunningH() throws Exception {
        t.dialplan("""
                [ctx]
                exten => 1,1,Wait(60)
                exten => 2,1,Verbose(1,redirected here)
                exten => h,1,Verbose(1,h ran)
                """);
        Channel c = t.channel("Test/r");
        c.setLocation("ctx", "1", 1);
        Thread th = t.pbx.startPbx(c);
        await().atMost(Duration.ofSeconds(5)).until(() -> "Wait".equals(c.application()));
        assertThat(c.asyncGoto("ctx", "2", 1)).isTrue();
        th.join(5000);
        assertThat(th.isAlive()).isFalse();
        assertThat(t.said(" redirected here")).hasSize(1);
        assertThat(t.said(" h ran")).hasSize(1);   // once, when the call ends after the redirect
    }

    @Test
    void absoluteTimeoutSendsTheCallToT() throws Exception {
        t.dialplan("""
                [ctx]
                exten => 1,1,Set(TIMEOUT(absolute)=0.2)
                 same => n,Wait(60)
                exten => T,1,Verbose(1,absolute timeout reached)
                """);
        Channel c = t.channel("Test/t");
        c.setLocation("ctx", "1", 1);
        Thread th = t.pbx.startPbx(c);
        th.join(10_000);
        assertThat(th.isAlive()).isFalse();
        assertThat(t.said(" absolute timeout reached")).hasSize(1);
    }

    @Test
    void absoluteTimeoutWithoutATExtensionHangsUp() throws Exception {
        t.dialplan("""
                [ctx]
                exten => 1,1,Set(TIMEOUT(absolute)=0.2)
                 same => n,Wait(60)
                 same => n,Verbose(1,should not run)
                """);
        Channel c = t.channel("Test/t");
        c.setLocation("ctx", "1", 1);
        Thread th = t.pbx.startPbx(c);
        th.join(10_000);
        assertThat(th.isAlive()).as("the call ended at its absolute timeout").isFalse();
        assertThat(t.said("should not run")).isEmpty();
    }

    @Test
    void aHangupThatArrivesWithARedirectWins() throws Exception {
        t.dialplan("""
                [ctx]
                exten => 1,1,Wait(60)
                exten => 2,1,Verbose(1,should not run)
                 same => n,Wait(60)
                """);
        Channel c = t.channel("Test/r");
        c.setLocation("ctx", "1", 1);
        Thread th = t.pbx.startPbx(c);
        await().atMost(Duration.ofSeconds(5)).until(() -> "Wait".equals(c.application()));
        // the hangup is requested first; the redirect comes before the channel's thread has
        // noticed either, and must not clear the hangup
        c.softHangup(HangupCause.NORMAL_CLEARING);
        c.asyncGoto("ctx", "2", 1);
        th.join(5000);
        assertThat(th.isAlive()).isFalse();
        assertThat(c.isDestroyed()).isTrue();
        assertThat(t.said(" should not run")).isEmpty();
    }
}
