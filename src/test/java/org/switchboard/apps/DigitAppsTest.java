package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
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

/** SendDTMF, WaitDigit and WaitUntil: the digits a far end receives, and the status variables a dialplan reads. */
class DigitAppsTest {
    private TestPbx t;

    @BeforeEach
    void start() { t = new TestPbx(); }

    @AfterEach
    void stop() { t.close(); }

    /** A channel whose technology keeps the DTMF written to it: what the far end would hear. */
    private record Phone(Channel channel, List<Frame.DtmfFrame> sent) {
        List<String> digits() {
            return sent.stream().map(d -> d.digit() + (d.end() ? "/end " + d.durationMs() : "/begin")).toList();
        }
    }

    private Phone phone(String name) {
        List<Frame.DtmfFrame> sent = new CopyOnWriteArrayList<>();
        ChannelTech tech = new ChannelTech() {
            @Override public void write(Channel channel, Frame frame) {
                if (frame instanceof Frame.DtmfFrame d) sent.add(d);
            }
        };
        Channel c = t.pbx.allocChannel(name + "-" + t.pbx.channels().nextSuffix(), tech, null);
        return new Phone(c, sent);
    }

    private Channel runOn(Channel c, String body) {
        assertThat(t.dialplan("[ctx]\n" + body)).isEmpty();
        c.setLocation("ctx", "s", 1);
        t.pbx.runPbx(c);
        return c;
    }

    private static void press(Channel c, String digits) {
        for (char d : digits.toCharArray()) {
            c.queueFrame(new Frame.DtmfFrame(d, false, 0));
            c.queueFrame(new Frame.DtmfFrame(d, true, 100));
        }
    }

    @Test
    void sendDtmfSendsEachDigitWithItsDurationAndSkipsPausesAndFlash() {
        Phone p = phone("Test/dtmf");
        runOn(p.channel(), """
                exten => s,1,SendDTMF(1wA#f*,20,150)
                 same => n,Verbose(1,@done)
                """);
        assertThat(p.digits()).containsExactly("1/begin", "1/end 150", "A/begin", "A/end 150", "#/begin", "#/end 150",
                "*/begin", "*/end 150");
        assertThat(t.path()).containsExactly("@done");
        assertThat(p.channel().state()).as("not answered without 'a'").isNotEqualTo(ChannelState.UP);
    }

    @Test
    void sendDtmfDigitsAreAtLeast100msAndTheAOptionAnswers() {
        Phone p = phone("Test/dtmf");
        runOn(p.channel(), "exten => s,1,SendDTMF(9,10,5,,a)\n");
        assertThat(p.digits()).containsExactly("9/begin", "9/end 100");
        assertThat(p.channel().state()).isEqualTo(ChannelState.UP);
    }

    @Test
    void sendDtmfToAnotherChannelByName() {
        Phone me = phone("Test/me");
        Phone other = phone("Test/other");
        runOn(me.channel(), "exten => s,1,SendDTMF(42,10,,%s)\n same => n,Verbose(1,@done)\n".formatted(other.channel().name()));
        assertThat(other.digits()).containsExactly("4/begin", "4/end 100", "2/begin", "2/end 100");
        assertThat(me.sent()).isEmpty();
        assertThat(t.path()).containsExactly("@done");
    }

    @Test
    void sendDtmfBadArgumentsWarnAndGoOn() {
        Phone p = phone("Test/dtmf");
        runOn(p.channel(), """
                exten => s,1,SendDTMF()
                 same => n,SendDTMF(,250)
                 same => n,SendDTMF(1,10,,No/Such-channel)
                 same => n,SendDTMF(1x,10)
                 same => n,Verbose(1,@done)
                """);
        assertThat(t.said("SendDTMF requires an argument")).hasSize(1);
        assertThat(t.said("The digits argument is required (0-9,*#,a-d,A-D,wfF)")).hasSize(1);
        assertThat(t.said("No such channel: No/Such-channel")).hasSize(1);
        assertThat(t.said("Illegal DTMF character 'x' in string. (0-9*#aAbBcCdD allowed)")).hasSize(1);
        assertThat(p.digits()).containsExactly("1/begin", "1/end 100");
        assertThat(t.path()).containsExactly("@done");
    }

    @Test
    void aHangupStopsSendDtmf() throws Exception {
        Phone p = phone("Test/dtmf");
        assertThat(t.dialplan("[ctx]\nexten => s,1,SendDTMF(123456789,60s)\n same => n,Verbose(1,@never)\n")).isEmpty();
        p.channel().setLocation("ctx", "s", 1);
        Thread th = t.pbx.startPbx(p.channel());
        await().atMost(Duration.ofSeconds(5)).until(() -> p.sent().size() == 2);
        p.channel().softHangup(HangupCause.NORMAL_CLEARING);
        th.join(Duration.ofSeconds(5));
        assertThat(th.isAlive()).isFalse();
        assertThat(p.digits()).containsExactly("1/begin", "1/end 100");
        assertThat(t.path()).isEmpty();
    }

    @Test
    void waitDigitReportsTheFirstAcceptedDigit() {
        Channel c = phone("Test/wait").channel();
        press(c, "52");
        runOn(c, """
                exten => s,1,WaitDigit(5,123)
                 same => n,Verbose(1,@got ${WAITDIGITSTATUS} ${WAITDIGITRESULT})
                 same => n,WaitDigit(0.05)
                 same => n,Verbose(1,@then ${WAITDIGITSTATUS})
                """);
        assertThat(t.path()).containsExactly("@got DTMF 2", "@then TIMEOUT");
    }

    @Test
    void waitDigitWithoutAUsableTimeIsAnError() {
        runOn(phone("Test/wait").channel(), """
                exten => s,1,WaitDigit()
                 same => n,Verbose(1,@empty ${WAITDIGITSTATUS})
                 same => n,WaitDigit(soon)
                 same => n,Verbose(1,@text ${WAITDIGITSTATUS})
                 same => n,WaitDigit(-2)
                 same => n,Verbose(1,@negative ${WAITDIGITSTATUS})
                 same => n,WaitDigit(0)
                 same => n,Verbose(1,@zero ${WAITDIGITSTATUS})
                """);
        assertThat(t.path()).containsExactly("@empty ERROR", "@text ERROR", "@negative ERROR", "@zero TIMEOUT");
    }

    @Test
    void waitDigitIsCancelledByAHangup() throws Exception {
        Channel c = phone("Test/wait").channel();
        assertThat(t.dialplan("""
                [ctx]
                exten => s,1,WaitDigit(60)
                 same => n,Verbose(1,@never)
                exten => h,1,Verbose(1,@h ${WAITDIGITSTATUS})
                """)).isEmpty();
        c.setLocation("ctx", "s", 1);
        Thread th = t.pbx.startPbx(c);
        await().atMost(Duration.ofSeconds(5)).until(() -> "WaitDigit".equals(c.application()));
        c.softHangup(HangupCause.NORMAL_CLEARING);
        th.join(Duration.ofSeconds(5));
        assertThat(t.path()).containsExactly("@h CANCEL");
    }

    @Test
    void waitUntilWaitsForAFutureTimeAndSaysSoForThePast() {
        String soon = String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0 + 0.2);
        runOn(phone("Test/until").channel(), """
                exten => s,1,WaitUntil(%s)
                 same => n,Verbose(1,@soon ${WAITUNTILSTATUS})
                 same => n,WaitUntil(1000)
                 same => n,Verbose(1,@past ${WAITUNTILSTATUS})
                 same => n,WaitUntil(tomorrow)
                 same => n,Verbose(1,@text ${WAITUNTILSTATUS})
                 same => n,WaitUntil()
                 same => n,Verbose(1,@empty ${WAITUNTILSTATUS})
                """.formatted(soon));
        assertThat(t.path()).containsExactly("@soon OK", "@past PAST", "@text FAILURE", "@empty FAILURE");
        assertThat(t.said("WaitUntil called in the past (now ")).singleElement().asString().endsWith(", arg 1000)");
        assertThat(t.said("WaitUntil called with non-numeric argument")).hasSize(1);
        assertThat(t.said("WaitUntil requires an argument(epoch)")).hasSize(1);
    }

    @Test
    void waitUntilEndsOnHangup() throws Exception {
        Channel c = phone("Test/until").channel();
        assertThat(t.dialplan("""
                [ctx]
                exten => s,1,WaitUntil(%d)
                 same => n,Verbose(1,@never)
                exten => h,1,Verbose(1,@h ${WAITUNTILSTATUS})
                """.formatted(System.currentTimeMillis() / 1000 + 3600))).isEmpty();
        c.setLocation("ctx", "s", 1);
        Thread th = t.pbx.startPbx(c);
        await().atMost(Duration.ofSeconds(5)).until(() -> "WaitUntil".equals(c.application()));
        c.softHangup(HangupCause.NORMAL_CLEARING);
        th.join(Duration.ofSeconds(5));
        assertThat(th.isAlive()).isFalse();
        assertThat(t.path()).containsExactly("@h HANGUP");
    }
}
