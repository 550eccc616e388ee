package org.switchboard.channels.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.core.HangupCause;
import org.switchboard.core.Originate;
import org.switchboard.testing.TestPbx;

/** Dial over the Local channel: the statuses, times and inheritance an Asterisk admin relies on. */
class DialLocalTest {
    private TestPbx t;
    private final Map<String, String> vars = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        t = new TestPbx();
        t.pbx.events().subscribe(e -> {
            if (e.name().equals("VarSet")) vars.put(e.get("Channel").replaceAll("-[0-9a-f]{8}", "") + ":" + e.get("Variable"), e.get("Value"));
        });
        assertThat(t.dialplan("""
                [callee]
                exten => answer,1,Answer()
                 same => n,Set(SEEN=${PLAIN}/${ONCE}/${ALWAYS})
                 same => n,Verbose(1,callee sees ${SEEN})
                 same => n,Hangup()
                exten => busy,1,Busy(5)
                exten => ring,1,Ringing()
                 same => n,Wait(30)
                exten => cause,1,Hangup(34)

                [caller]
                exten => s,1,Set(PLAIN=p)
                 same => n,Set(_ONCE=o)
                 same => n,Set(__ALWAYS=a)
                 same => n,Dial(Local/${TARGET}@callee,${TIMEOUT},${OPTS})
                 same => n,Verbose(1,status ${DIALSTATUS} answered ${ANSWEREDTIME})
                """)).isEmpty();
    }

    @AfterEach
    void stop() { t.close(); }

    private Channel dial(String target, String timeout, String opts) {
        Channel c = t.channel("Test/caller");
        c.setVar("TARGET", target);
        c.setVar("TIMEOUT", timeout);
        c.setVar("OPTS", opts);
        c.setLocation("caller", "s", 1);
        t.pbx.runPbx(c);
        return c;
    }

    @Test
    void answeredCallBridgesAndInheritsUnderscoreVariables() {
        dial("answer", "5", "g");
        // _ONCE reaches ;1 without its mark, and ;2 gets ;1's variables; PLAIN never leaves the caller
        assertThat(t.said("callee sees /o/a")).hasSize(1);
        assertThat(vars).containsEntry("Test/caller:DIALSTATUS", "ANSWER");
        assertThat(t.said("status ANSWER")).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> t.pbx.channels().count() == 0);
    }

    @Test
    void withoutGTheCallerHangsUpWhenTheCalleeDoes() {
        dial("answer", "5", "");
        assertThat(t.said("status ANSWER")).isEmpty();
        assertThat(t.said("Spawn extension (caller, s, 4) exited non-zero")).hasSize(1);
    }

    @Test
    void busyCalleeGivesBusy() {
        dial("busy", "5", "");
        assertThat(t.said("status BUSY answered 0")).hasSize(1);
        assertThat(t.said(";1 is busy")).hasSize(1);
    }

    @Test
    void ringingCalleeTimesOutWithNoAnswer() {
        dial("ring", "0.3", "");
        assertThat(t.said("Nobody picked up in 300 ms")).hasSize(1);
        assertThat(t.said("status NOANSWER")).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> t.pbx.channels().count() == 0);
    }

    @Test
    void missingExtensionIsUnavailable() {
        dial("nowhere", "5", "");
        // both halves are gone, not only the one Dial held (the ;2 half never ran a dialplan)
        assertThat(t.pbx.channels().all()).noneMatch(ch -> ch.name().startsWith("Local/nowhere@"));
        assertThat(t.said("No such extension/context nowhere@callee while calling Local channel")).hasSize(1);
        assertThat(t.said("status CHANUNAVAIL")).hasSize(1);
    }

    @Test
    void congestionCauseFromTheCallee() {
        dial("cause", "5", "");
        assertThat(t.said("status CONGESTION")).hasSize(1);
    }

    @Test
    void unknownTechnologyIsChanunavailAndTheDialplanGoesOn() {
        Channel c = t.channel("Test/caller");
        t.dialplan("""
                [x]
                exten => s,1,Dial(Nope/thing&Local/nowhere@x,10)
                 same => n,Verbose(1,after ${DIALSTATUS})
                """);
        c.setLocation("x", "s", 1);
        t.pbx.runPbx(c);
        assertThat(t.said("Unable to create channel of type 'Nope' (cause 66 - Channel not implemented)")).hasSize(1);
        assertThat(t.said("after CHANUNAVAIL")).hasSize(1);
    }

    @Test
    void callerHangupDuringDialCancelsEverything() throws Exception {
        Channel c = t.channel("Test/caller");
        c.setVar("TARGET", "ring");
        c.setVar("TIMEOUT", "30");
        c.setVar("OPTS", "");
        c.setLocation("caller", "s", 1);
        Thread th = t.pbx.startPbx(c);
        await().atMost(Duration.ofSeconds(5)).until(() -> !t.said("is ringing").isEmpty());
        c.softHangup(HangupCause.NORMAL_CLEARING);
        th.join(5000);
        assertThat(th.isAlive()).isFalse();
        assertThat(vars).containsEntry("Test/caller:DIALSTATUS", "CANCEL");
        await().atMost(Duration.ofSeconds(5)).until(() -> t.pbx.channels().count() == 0);
    }

    @Test
    void originateRunsAnApplicationOnTheFirstHalf() {
        t.dialplan("""
                [o]
                exten => 1,1,Answer()
                 same => n,Wait(30)
                """);
        Channel one;
        try {
            one = Originate.toApplication(t.pbx, "Local/1@o", "Verbose", "1,originated app ran", 5000, Map.of(), "\"Ann\" <200>");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !t.said("originated app ran").isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() -> t.pbx.channels().count() == 0);
        assertThat(one.isDestroyed()).isTrue();
    }

    @Test
    void withGTheCallerGoesOnWhenTheCallLimitRunsOut() {
        t.dialplan("""
                [callee]
                exten => long,1,Answer()
                 same => n,Wait(30)
                [caller]
                exten => s,1,Dial(Local/long@callee,5,gL(200))
                 same => n,Verbose(1,after limit ${DIALSTATUS})
                """);
        Channel c = t.channel("Test/caller");
        c.setLocation("caller", "s", 1);
        t.pbx.runPbx(c);
        assertThat(t.said("after limit ANSWER")).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> t.pbx.channels().count() == 0);
    }

    @Test
    void aDestinationHungUpFromOutsideWhileRingingEndsTheDial() throws Exception {
        Channel c = t.channel("Test/caller");
        c.setVar("TARGET", "ring");
        c.setVar("TIMEOUT", "");
        c.setVar("OPTS", "");
        c.setLocation("caller", "s", 1);
        Thread th = t.pbx.startPbx(c);
        await().atMost(Duration.ofSeconds(5)).until(() -> !t.said(";1 is ringing").isEmpty());
        for (Channel ch : t.pbx.channels().all()) {
            if (ch.name().endsWith(";1")) ch.softHangup(HangupCause.NORMAL_CLEARING);   // as 'channel request hangup' does
        }
        th.join(5000);
        assertThat(th.isAlive()).isFalse();
        assertThat(t.said("status NOANSWER")).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> t.pbx.channels().count() == 0);
    }
}
