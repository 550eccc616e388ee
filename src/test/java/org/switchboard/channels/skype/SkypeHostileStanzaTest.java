package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;

/**
 * Stanzas from an outside fuzz that each logged the account out (issue 9): any XMPP user sends
 * them, Prosody routes them as they are, and the account must stay logged in and keep chatting.
 * A request it does not understand gets an error reply (RFC 6120 §8.3, §8.4); anything else it
 * cannot read is dropped.
 */
class SkypeHostileStanzaTest {
    static final Duration T = Duration.ofSeconds(10);
    static final String FULL = "lmentinc@skype.example/switchboard";
    static final String BARE = "lmentinc@skype.example";
    SkypeTestNetwork net = SkypeTestNetwork.shared();
    SkypeTestPbx pbx;
    SkypeTestBuddy stranger;
    int logStart;

    @BeforeEach
    void up() {
        pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", net.lmentinc("message_hold=30"), "extensions.conf", "[general]\n"));
        pbx.loggedIn("lmentinc");
        stranger = net.buddy("stranger");
        logStart = pbx.log.size();
    }

    @AfterEach
    void down() {
        if (stranger != null) stranger.close();
        pbx.close();
    }

    /** What the fuzz found, one stanza each; iq ids start with "raw-" so the buddy reports the reply. */
    static List<String> fuzzReport() {
        List<String> s = new ArrayList<>();
        for (String to : new String[] {FULL, BARE}) {
            s.add("<message to='" + to + "' type='bogus'><body>bogus type</body></message>");
            s.add("<message to='" + to + "' type=''><body>empty type</body></message>");
            s.add("<message to='" + to + "' id='' type='chat'><body>empty id</body></message>");
        }
        s.add("<presence to='" + FULL + "'><show>online</show></presence>");
        s.add("<presence to='" + FULL + "'><priority>128</priority></presence>");
        s.add("<presence to='" + FULL + "'><priority>abc</priority></presence>");
        s.add(jingle("raw-j1", "action='' sid='s1'", "<content creator='initiator' name='audio'/>"));
        s.add(jingle("raw-j2", "action='session-initiate' sid=''", "<content creator='initiator' name='audio'/>"));
        s.add(jingle("raw-j3", "action='session-initiate' sid='s3'", "<content creator='x' name='audio'/>"));
        s.add(jingle("raw-j4", "action='session-initiate' sid='s4'", "<content creator='initiator' name=''/>"));
        s.add(jingle("raw-j5", "action='session-initiate' sid='s5'", "<content name='audio'/>"));
        s.add("<message to='" + FULL + "' type='chat'><body>deep</body>" + nested(150, "urn:fz:deep") + "</message>");
        s.add("<presence to='" + FULL + "'>" + nested(150, "urn:fz:deep") + "</presence>");
        s.add("<iq type='set' to='" + FULL + "' id='raw-deep'>" + nested(150, "urn:fz:deep") + "</iq>");
        s.add("<iq type='get' to='" + FULL + "' id='raw-u1'><x xmlns='urn:fz:abc'><x>&lt;x&gt;</x></x></iq>");
        s.add("<iq type='set' to='" + FULL + "' id='raw-u2'><query xmlns='urn:fz:abc' a='&apos;&quot;'/></iq>");
        s.add("<iq type='get' to='" + FULL + "' id='raw-u3'><gt6sm xmlns=''/></iq>");
        s.add("<iq type='set' to='" + FULL + "' id='raw-u4'><q xmlns=\"urn:fz:a'b&amp;c&lt;\"/></iq>");
        s.add(jingle("raw-j6", "action='session-initiate' sid='s6'", "<content creator='initiator' name='a'><description xmlns=\"urn:fz:'\"/></content>"));
        s.add("<iq type='get' to='" + FULL + "' id='raw-empty'/>");
        s.add("<iq type='get' to='" + FULL + "' id=''><ping xmlns='urn:xmpp:ping'/></iq>");
        s.add("<iq type='set' to='" + FULL + "' id=''><x xmlns='urn:fz:abc'/></iq>");
        s.add("<iq type='set' to='" + FULL + "'><x xmlns='urn:fz:abc'/></iq>");
        s.add("<message to='" + FULL + "' type='" + "bogus".repeat(2000) + "'><body>long type</body></message>");
        s.add("<iq type='error' to='" + FULL + "' id='raw-noerror'/>");
        s.add("<message to='" + FULL + "' type='chat' xml:lang=''><body xml:lang='x'>a</body><body>b</body></message>");
        return s;
    }

    static String jingle(String id, String attrs, String content) {
        return "<iq type='set' to='" + FULL + "' id='" + id + "'><jingle xmlns='urn:xmpp:jingle:1' initiator='stranger@skype.example/x' "
                + attrs + ">" + content + "</jingle></iq>";
    }

    static String nested(int depth, String ns) {
        StringBuilder sb = new StringBuilder("<a xmlns='" + ns + "'>");
        for (int i = 1; i < depth; i++) sb.append("<a>");
        for (int i = 0; i < depth; i++) sb.append("</a>");
        return sb.toString();
    }

    String receive(Channel c) { return pbx.pbx.substitute(c, "${SKYPE_CHAT_RECEIVE(lmentinc,10)}"); }

    /** The stranger's chat message {@code marker} reaches the dialplan: every stanza sent before it was read. */
    void awaitMarker(String marker) {
        stranger.send(BARE, marker);
        Channel c = pbx.channel();
        List<String> got = new ArrayList<>();
        for (String m; !(m = receive(c)).isEmpty(); got.add(m)) {
            if (m.equals(marker)) return;
        }
        throw new AssertionError("marker '" + marker + "' never arrived; got " + got + "; log: " + pbx.log);
    }

    @Test
    void eachStanzaOfTheFuzzReportLeavesTheAccountLoggedIn() {
        List<String> stanzas = fuzzReport();
        for (int i = 0; i < stanzas.size(); i++) {
            stranger.raw(stanzas.get(i));
            awaitMarker("after stanza " + i);
            assertThat(pbx.events("SkypeAccountStatus", e -> "Logged Out".equals(e.get("Status")))).as(stanzas.get(i)).isEmpty();
        }
        assertThat(pbx.account("lmentinc").isLoggedIn()).isTrue();
        assertThat(SkypeCliReloadTest.cli(pbx.pbx, "skype show users")).contains("Logged In");
        assertThat(pbx.logLines("lost the connection")).isEmpty();
        assertChatRoundTrips();
        assertNoExceptionLogged();
    }

    @Test
    void anUnknownRequestGetsAWellFormedServiceUnavailable() {
        stranger.raw("<iq type='get' to='" + FULL + "' id='raw-u1'><x xmlns='urn:fz:abc'><x>&lt;x&gt;</x></x></iq>");
        SkypeTestBuddy.IqReply r = stranger.awaitIqReply("raw-u1", T);
        assertThat(r.type()).isEqualTo("error");
        assertThat(r.condition()).isEqualTo("service-unavailable");
        assertThat(r.xml()).doesNotContain("&lt;x");
        // an element in no namespace, a namespace Smack would write back unescaped
        for (String id : new String[] {"raw-u2", "raw-u3", "raw-u4"}) {
            String stanza = fuzzReport().stream().filter(s -> s.contains("id='" + id + "'")).findFirst().orElseThrow();
            stranger.raw(stanza);
            assertThat(stranger.awaitIqReply(id, T).condition()).as(stanza).isEqualTo("service-unavailable");
        }
        // a Jingle offer of an application we do not speak: acknowledged, then refused by name (XEP-0166 §6.3.2)
        stranger.raw(fuzzReport().stream().filter(s -> s.contains("id='raw-j6'")).findFirst().orElseThrow());
        assertThat(stranger.awaitIqReply("raw-j6", T).type()).isEqualTo("result");
        assertThat(stranger.awaitReport("jingle-in session-terminate s6 ", T)).endsWith(" unsupported-applications");
        assertThat(pbx.account("lmentinc").isLoggedIn()).isTrue();
        assertNoExceptionLogged();
    }

    @Test
    void aRequestThatCannotBeReadGetsBadRequest() {
        for (String id : new String[] {"raw-j1", "raw-j2", "raw-j3", "raw-j4", "raw-j5", "raw-deep", "raw-empty"}) {
            String stanza = fuzzReport().stream().filter(s -> s.contains("id='" + id + "'")).findFirst().orElseThrow();
            stranger.raw(stanza);
            SkypeTestBuddy.IqReply r = stranger.awaitIqReply(id, T);
            assertThat(r.type()).as(stanza).isEqualTo("error");
            assertThat(r.condition()).as(stanza).isEqualTo("bad-request");
        }
        stranger.raw("<iq type='error' to='" + FULL + "' id='raw-noerror'/>");
        awaitMarker("after the error without error");
        assertThat(stranger.iqReplies).doesNotContainKey("raw-noerror");
        assertNoExceptionLogged();
    }

    @Test
    void aFloodOfUnreadableStanzasCostsAFewNoticesThatNameTheSender() {
        stranger.raw("<message to='" + FULL + "' id='' type='chat'><body>empty id</body></message>");
        for (int i = 0; i < 50; i++) stranger.raw("<presence to='" + FULL + "'><priority>" + (200 + i) + "</priority></presence>");
        awaitMarker("after the flood");
        List<String> dropped = pbx.logLines("dropped a ");
        assertThat(dropped).first().asString().contains("NOTICE", "dropped a <message type='chat'> from stranger@skype.example/",
                "Stanza ID must not be the empty String");
        // PbxLog.limited: a burst of 5 per sender, the rest summarised when the 10 s window closes
        assertThat(dropped).hasSize(5);
        assertNoExceptionLogged();
    }

    @Test
    void escapedCharactersDoNotWearTheStreamOut() {
        // the server writes ' " & < > as entities; the JDK (24+) counted them over the stream's life and stopped at 100,000
        String text = "it's \"quoted\" & <tagged> ".repeat(6_000);
        Channel c = pbx.channel();
        for (int i = 0; i < 4; i++) {
            stranger.send(BARE, text + i);
            assertThat(receive(c)).isEqualTo(text + i);
        }
        assertThat(pbx.logLines("lost the connection")).isEmpty();
    }

    void assertChatRoundTrips() {
        try (SkypeTestBuddy tfot = net.buddy("tfot.madsen")) {
            Channel c = pbx.channel();
            pbx.pbx.execute(c, "SkypeChatSend", "lmentinc,tfot.madsen,still here");
            assertThat(c.getVar("SKYPECHATSTATUS")).isEqualTo("SUCCESS");
            assertThat(tfot.nextMessage(T).body()).isEqualTo("still here");
            tfot.send(BARE, "me too");
            List<String> got = new ArrayList<>();
            for (String m; !(m = receive(c)).isEmpty(); got.add(m)) {
                if (m.equals("me too")) return;
            }
            throw new AssertionError("the buddy's reply never arrived; got " + got);
        }
    }

    /** Hostile input is worth at most a NOTICE that says what was dropped: never a warning, an error or a stack trace. */
    void assertNoExceptionLogged() {
        List<String> since = pbx.log.subList(logStart, pbx.log.size());
        assertThat(since).noneMatch(l -> l.contains("] WARNING[") || l.contains("] ERROR["));
        assertThat(since).filteredOn(l -> !l.contains("] DEBUG[")).noneMatch(l -> l.contains("Exception") || l.contains("\tat "));
    }
}
