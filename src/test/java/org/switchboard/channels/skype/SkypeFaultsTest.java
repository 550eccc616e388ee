package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;

/** Bad input and faults: wrong password, unknown host, refused certificate, bad names, big and hostile messages, floods. */
class SkypeFaultsTest {
    static final Duration T = Duration.ofSeconds(10);
    SkypeTestNetwork net = SkypeTestNetwork.shared();
    SkypeTestPbx pbx;

    SkypeTestPbx up(String chanSkypeConf) {
        pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", chanSkypeConf, "extensions.conf", "[general]\n[default]\nexten => s,1,NoOp()\n"));
        return pbx;
    }

    @AfterEach
    void down() {
        if (pbx != null) pbx.close();
    }

    String eval(String text) { return pbx.pbx.substitute(pbx.channel(), text); }

    @Test
    void wrongPasswordIsOneClearLinePerAttemptAndThePbxRunsOn() {
        up(net.chanSkypeConf("[lmentinc]\nsecret=not-the-password\n"));
        pbx.awaitLog("login to 127.0.0.1:" + net.port + " failed (attempt 2)", T);
        List<String> lines = pbx.logLines("Skype account 'lmentinc'");
        assertThat(lines).allMatch(l -> l.contains("WARNING") && l.contains("authentication refused (not-authorized): wrong password"));
        assertThat(pbx.logLines("failed (attempt 1)")).hasSize(1);
        assertThat(pbx.events("SkypeAccountStatus")).isEmpty();
        Channel c = pbx.channel();
        pbx.pbx.execute(c, "SkypeChatSend", "lmentinc,tfot.madsen,hello");
        assertThat(c.getVar("SKYPECHATSTATUS")).isEqualTo("FAILURE");
        assertThat(eval("${SKYPE_BUDDY_STATUS(lmentinc,tfot.madsen)}")).isEqualTo("Unknown");
        assertThat(eval("$[1+1]")).isEqualTo("2");
    }

    @Test
    void unknownHostIsNamed() {
        up(net.chanSkypeConf("[lmentinc]\nsecret=x\nserver=no-such-host.invalid\n"));
        pbx.awaitLog("failed (attempt 1)", T);
        assertThat(pbx.logLines("failed (attempt 1)").get(0)).contains("no-such-host.invalid").containsIgnoringCase("unknown host");
    }

    @Test
    void refusedCertificateIsNamedAndTlsVerifyNoLogsIn() {
        String general = net.chanSkypeConf("").replaceAll("tls_ca_file=.*\n", "");
        up(general + "[lmentinc]\nsecret=" + SkypeTestNetwork.ACCOUNTS.get("lmentinc") + "\n");
        pbx.awaitLog("failed (attempt 1)", T);
        assertThat(pbx.logLines("failed (attempt 1)").get(0)).contains("certificate refused");
        pbx.close();
        up(general + "[lmentinc]\nsecret=" + SkypeTestNetwork.ACCOUNTS.get("lmentinc") + "\ntls_verify=no\n");
        pbx.loggedIn("lmentinc");
    }

    @Test
    void aSecondClientOnTheSameResourceIsNamedAndNotFoughtEveryHalfSecond() {
        up(net.lmentinc(""));
        pbx.loggedIn("lmentinc");
        try (SkypeTestPbx other = new SkypeTestPbx(net.confDir("chan_skype.conf", net.lmentinc(""), "extensions.conf", "[general]\n"))) {
            other.loggedIn("lmentinc");
            pbx.awaitLog("(another client logged in as lmentinc@skype.example/switchboard)", T);
            assertThat(pbx.logLines("conflict")).first().asString().contains("lost the connection");
        }
    }

    @Test
    void unknownAccountInEveryAppAndFunction() {
        up(net.lmentinc(""));
        pbx.loggedIn("lmentinc");
        Channel c = pbx.channel();
        pbx.pbx.execute(c, "SkypeChatSend", "nobody,tfot.madsen,hello");
        assertThat(c.getVar("SKYPECHATSTATUS")).isEqualTo("FAILURE");
        long t0 = System.nanoTime();
        assertThat(eval("${SKYPE_CHAT_RECEIVE(nobody,10)}")).isEmpty();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2000);
        assertThat(eval("${SKYPE_BUDDIES(nobody)}")).isEmpty();
        assertThat(eval("${SKYPE_BUDDY_FETCH(424242)}")).isEmpty();
        assertThat(eval("${SKYPE_BUDDY_STATUS(nobody,tfot.madsen)}")).isEmpty();
        pbx.pbx.vars().set(c, "MESSAGE(body)", "hi");
        pbx.pbx.execute(c, "MessageSend", "skype:tfot.madsen,nobody");
        assertThat(c.getVar("MESSAGE_SEND_STATUS")).isEqualTo("FAILURE");
        pbx.pbx.execute(c, "MessageSend", "sip:tfot.madsen,lmentinc");
        assertThat(c.getVar("MESSAGE_SEND_STATUS")).isEqualTo("INVALID_PROTOCOL");
        assertThat(pbx.logLines("no Skype account 'nobody'")).hasSize(5);
        assertThat(pbx.logLines("no buddy list with id '424242'")).hasSize(1);
        assertThat(c.isHangupRequested()).isFalse();
    }

    @Test
    void buddyNamesWithSpacesOrAmpersandAreRefused() {
        up(net.lmentinc(""));
        pbx.loggedIn("lmentinc");
        for (String bad : new String[] {"tfot madsen", "nobody&SIP/my_itsp/4165551212", " ", "a@b@c"}) {
            Channel c = pbx.channel();
            pbx.pbx.execute(c, "SkypeChatSend", "lmentinc," + bad + ",hello");
            assertThat(c.getVar("SKYPECHATSTATUS")).as(bad).isEqualTo("FAILURE");
        }
        assertThat(eval("${SKYPE_CHAT_RECEIVE(lmentinc,5,a b)}")).isEmpty();
        assertThat(eval("${SKYPE_BUDDY_STATUS(lmentinc,a&b)}")).isEmpty();
        Channel c = pbx.channel();
        pbx.pbx.vars().set(c, "MESSAGE(body)", "hi");
        pbx.pbx.execute(c, "MessageSend", "skype:a&b,lmentinc");
        assertThat(c.getVar("MESSAGE_SEND_STATUS")).isEqualTo("INVALID_URI");
        assertThat(pbx.logLines("invalid buddy name")).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void hundredKilobyteMessagesBothWays() {
        up(net.lmentinc(""));
        pbx.loggedIn("lmentinc");
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 100 * 1024) sb.append("line ").append(sb.length()).append(" of a long message, ünïcødé ✓\n");
        String big = sb.toString();
        try (SkypeTestBuddy tfot = net.buddy("tfot.madsen")) {
            Channel c = pbx.channel();
            pbx.pbx.execute(c, "SkypeChatSend", "lmentinc,tfot.madsen," + big);
            assertThat(c.getVar("SKYPECHATSTATUS")).isEqualTo("SUCCESS");
            assertThat(tfot.nextMessage(T).body()).isEqualTo(big);
            tfot.send("lmentinc@skype.example", big);
            assertThat(eval("${SKYPE_CHAT_RECEIVE(lmentinc,10)}")).isEqualTo(big);
        }
    }

    @Test
    void xmlAndControlCharactersArriveIntact() {
        up(net.lmentinc(""));
        pbx.loggedIn("lmentinc");
        String xml = "</body></message><message to='evil@skype.example'><body>pwned</body></message> &amp; &lt; ]]> <![CDATA[x]]>"
                + " \"quoted\" 'single' <?xml version='1.0'?> <!-- c --> tab\tnew\nline 😀 \u00e9 a > b ]]>";
        String withControls = xml + "\u0000\u0001\u0007\u001b\uFFFE";
        try (SkypeTestBuddy tfot = net.buddy("tfot.madsen")) {
            Channel c = pbx.channel();
            pbx.pbx.execute(c, "SkypeChatSend", "lmentinc,tfot.madsen," + withControls);
            assertThat(c.getVar("SKYPECHATSTATUS")).isEqualTo("SUCCESS");
            // characters XML 1.0 cannot carry are left out; everything else arrives as written
            assertThat(tfot.nextMessage(T).body()).isEqualTo(xml);
            tfot.send("lmentinc@skype.example", xml);
            assertThat(eval("${SKYPE_CHAT_RECEIVE(lmentinc,10)}")).isEqualTo(xml);
            // the connection survived: another message still goes through
            pbx.pbx.execute(c, "SkypeChatSend", "lmentinc,tfot.madsen,still here");
            assertThat(tfot.nextMessage(T).body()).isEqualTo("still here");
        }
        assertThat(pbx.account("lmentinc").isLoggedIn()).isTrue();
    }

    @Test
    void aBuddyFloodingAThousandMessagesLosesNoneAndKeepsOrder() {
        up(net.lmentinc("message_hold=30"));
        pbx.loggedIn("lmentinc");
        try (SkypeTestBuddy tfot = net.buddy("tfot.madsen")) {
            tfot.flood("lmentinc@skype.example", 1000, "flood");
            Channel c = pbx.channel();
            List<String> got = new ArrayList<>();
            for (int i = 0; i < 1000; i++) got.add(eval("${SKYPE_CHAT_RECEIVE(lmentinc,10)}"));
            List<String> want = new ArrayList<>();
            for (int i = 1; i <= 1000; i++) want.add("flood-" + i);
            assertThat(got).isEqualTo(want);
            assertThat(c.isHangupRequested()).isFalse();
        }
    }

    @Test
    void fiveHundredBuddiesOnTheRoster() {
        net.register("bigroster", "pw-big");
        Map<String, String> roster = new LinkedHashMap<>();
        for (int i = 0; i < 500; i++) roster.put(String.format("buddy%03d", i), i % 2 == 0 ? "both" : "none");
        net.roster("bigroster", roster);
        up(net.chanSkypeConf("[bigroster]\nsecret=pw-big\n"));
        pbx.loggedIn("bigroster");
        await().atMost(T).until(() -> pbx.skype().buddies("bigroster").size() == 500);
        Channel c = pbx.channel();
        String id = pbx.pbx.substitute(c, "${SKYPE_BUDDIES(bigroster)}");
        List<String> rows = new ArrayList<>();
        for (String r; !(r = pbx.pbx.substitute(c, "${SKYPE_BUDDY_FETCH(" + id + ")}")).isEmpty(); ) rows.add(r);
        assertThat(rows).hasSize(500).contains("buddy000,Offline", "buddy001,Waiting for Authorization", "buddy499,Waiting for Authorization");
        c.hangup();
        assertThat(pbx.skype().snapshots().size()).isZero();
    }
}
