package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.core.HangupCause;

/** Chat from the dialplan against a real Prosody and an independent buddy client. */
class SkypeChatTest {
    static final Duration T = Duration.ofSeconds(10);
    SkypeTestNetwork net = SkypeTestNetwork.shared();
    SkypeTestPbx pbx;
    SkypeTestBuddy tfot;

    @BeforeEach
    void up() {
        pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", net.lmentinc("message_hold=3"), "extensions.conf", """
                [general]
                [chat]
                exten => send,1,SkypeChatSend(lmentinc,tfot.madsen,${TEXT})
                 same => n,Set(RESULT=${SKYPECHATSTATUS})
                exten => recv,1,Set(GOT=${SKYPE_CHAT_RECEIVE(lmentinc,${TIMEOUT})})
                 same => n,Set(FROM=${SKYPECHATSENDER})
                """));
        pbx.loggedIn("lmentinc");
        tfot = net.buddy("tfot.madsen");
    }

    @AfterEach
    void down() {
        if (tfot != null) tfot.close();
        pbx.close();
    }

    String eval(Channel c, String text) { return pbx.pbx.substitute(c, text); }

    @Test
    void loginEmitsAccountStatus() {
        assertThat(pbx.events("SkypeAccountStatus")).first().satisfies(e -> {
            assertThat(e.get("Username")).isEqualTo("lmentinc");
            assertThat(e.get("Status")).isEqualTo("Logged In");
        });
        assertThat(pbx.logLines("Skype account 'lmentinc' logged in")).hasSize(1);
    }

    @Test
    void chatSendArrivesAtTheBuddyWithCommasAndEvent() {
        Channel c = pbx.channel();
        pbx.pbx.execute(c, "SkypeChatSend", "lmentinc,tfot.madsen,Hello, world, with commas");
        assertThat(c.getVar("SKYPECHATSTATUS")).isEqualTo("SUCCESS");
        SkypeTestBuddy.Msg m = tfot.nextMessage(T);
        assertThat(m.from()).isEqualTo("lmentinc@skype.example");
        assertThat(m.body()).isEqualTo("Hello, world, with commas");
        assertThat(pbx.events("SkypeChatMessage")).anySatisfy(e -> {
            assertThat(e.get("To")).isEqualTo("tfot.madsen");
            assertThat(e.get("From")).isEqualTo("lmentinc");
            assertThat(new String(Base64.getDecoder().decode(e.get("Message")), StandardCharsets.UTF_8)).isEqualTo("Hello, world, with commas");
        });
    }

    @Test
    void receiveGetsTheBuddysReplyAndSender() {
        tfot.replyOnce("1");
        Channel c = pbx.channel();
        pbx.pbx.execute(c, "SkypeChatSend", "lmentinc,tfot.madsen,Press 1");
        assertThat(eval(c, "${SKYPE_CHAT_RECEIVE(lmentinc,10)}")).isEqualTo("1");
        assertThat(c.getVar("SKYPECHATSENDER")).isEqualTo("tfot.madsen");
        assertThat(pbx.events("SkypeChatMessage", e -> "tfot.madsen".equals(e.get("From")))).hasSize(1);
    }

    @Test
    void receiveTimesOutWithEmptyResult() {
        Channel c = pbx.channel();
        long t0 = System.nanoTime();
        assertThat(eval(c, "${SKYPE_CHAT_RECEIVE(lmentinc,1)}")).isEmpty();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).isBetween(900L, 5000L);
        assertThat(c.getVar("SKYPECHATSENDER")).isEmpty();
    }

    @Test
    void aReplyThatRacesTheDialplanIsHeld() {
        tfot.send("lmentinc@skype.example", "early");
        await().atMost(T).until(() -> pbx.account("lmentinc").inbox().held() == 1);
        assertThat(pbx.logLines("Skype chat message from tfot.madsen to lmentinc is held 3 s for SKYPE_CHAT_RECEIVE")).hasSize(1);
        Channel c = pbx.channel();
        assertThat(eval(c, "${SKYPE_CHAT_RECEIVE(lmentinc,5)}")).isEqualTo("early");
    }

    @Test
    void buddyFilterTakesOnlyThatBuddysMessage() throws Exception {
        try (SkypeTestBuddy vuc = net.buddy("vuc.me")) {
            Channel c = pbx.channel();
            c.setVar("TIMEOUT", "10");
            c.setLocation("chat", "recvtfot", 1);
            pbx.pbx.loadDialplan(org.switchboard.config.ConfigReader.parse("extensions.conf", """
                    [chat]
                    exten => recvtfot,1,Set(GOT=${SKYPE_CHAT_RECEIVE(lmentinc,10,tfot.madsen)})
                     same => n,Set(FROM=${SKYPECHATSENDER})
                    """, null));
            pbx.pbx.startPbx(c);
            await().atMost(T).until(() -> pbx.account("lmentinc").inbox().waiting() == 1);
            vuc.send("lmentinc@skype.example", "from vuc");
            await().atMost(T).until(() -> pbx.account("lmentinc").inbox().held() == 1);
            assertThat(c.isDestroyed()).isFalse();
            tfot.send("lmentinc@skype.example", "from tfot");
            await().atMost(T).until(c::isDestroyed);
            assertThat(pbx.varSets("GOT")).containsExactly("from tfot");
            assertThat(pbx.varSets("FROM")).containsExactly("tfot.madsen");
            Channel c2 = pbx.channel();
            assertThat(eval(c2, "${SKYPE_CHAT_RECEIVE(,5)}")).isEqualTo("from vuc");
            assertThat(c2.getVar("SKYPECHATSENDER")).isEqualTo("vuc.me");
        }
    }

    @Test
    void twoWaitersGetOneMessageEachOldestFirst() {
        Channel first = pbx.channel();
        first.setVar("TIMEOUT", "15");
        first.setLocation("chat", "recv", 1);
        pbx.pbx.startPbx(first);
        await().atMost(T).until(() -> pbx.account("lmentinc").inbox().waiting() == 1);
        Channel second = pbx.channel();
        second.setVar("TIMEOUT", "15");
        second.setLocation("chat", "recv", 1);
        pbx.pbx.startPbx(second);
        await().atMost(T).until(() -> pbx.account("lmentinc").inbox().waiting() == 2);
        tfot.send("lmentinc@skype.example", "one");
        tfot.send("lmentinc@skype.example", "two");
        await().atMost(T).until(() -> first.isDestroyed() && second.isDestroyed());
        assertThat(pbx.events("VarSet", e -> "GOT".equals(e.get("Variable")) && e.get("Channel").equals(first.name())))
                .extracting(e -> e.get("Value")).containsExactly("one");
        assertThat(pbx.events("VarSet", e -> "GOT".equals(e.get("Variable")) && e.get("Channel").equals(second.name())))
                .extracting(e -> e.get("Value")).containsExactly("two");
    }

    @Test
    void hangupEndsTheWaitAtOnce() {
        Channel c = pbx.channel();
        c.setVar("TIMEOUT", "30");
        c.setLocation("chat", "recv", 1);
        Thread t = pbx.pbx.startPbx(c);
        await().atMost(T).until(() -> pbx.account("lmentinc").inbox().waiting() == 1);
        long t0 = System.nanoTime();
        c.softHangup(HangupCause.NORMAL_CLEARING);
        await().atMost(Duration.ofSeconds(2)).until(() -> !t.isAlive() && c.isDestroyed());
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1500);
        assertThat(pbx.account("lmentinc").inbox().waiting()).isZero();
        // a message after the hangup is not swallowed by the dead waiter
        tfot.send("lmentinc@skype.example", "after hangup");
        assertThat(eval(pbx.channel(), "${SKYPE_CHAT_RECEIVE(lmentinc,5)}")).isEqualTo("after hangup");
    }
}
