package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a buddy can get wrong, or do on purpose, to a Skype call (issue 11's list): each is
 * refused with the reason XEP-0166 gives, and the PBX and its other calls go on.
 */
class SkypeCallHostileTest {
    static final Duration T = Duration.ofSeconds(15);
    static final String PBX_FULL = SkypeCallTest.PBX_FULL;
    static final String FP = "<fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash='sha-256' setup='actpass'>"
        + "02:1A:CC:54:27:AB:EB:9C:53:3F:3E:4B:65:2E:7D:46:3F:54:42:CD:54:F1:7A:03:A2:7D:F9:B0:7F:46:19:B2</fingerprint>";

    SkypeTestNetwork net = SkypeTestNetwork.shared();
    SkypeTestPbx pbx;
    SkypeTestBuddy vuc;

    @BeforeEach
    void up() {
        pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", net.lmentinc(""), "extensions.conf", SkypeCallTest.DIALPLAN));
        pbx.loggedIn("lmentinc");
        vuc = net.buddy("vuc.me");
        await().atMost(T).until(() -> pbx.account("lmentinc").buddyStatus(net.jid("vuc.me")).equals("Online"));
    }

    @AfterEach
    void down() {
        if (vuc != null) vuc.close();
        pbx.close();
    }

    static String initiate(String id, String sid, String transportInside, String description) {
        return "<iq type='set' to='" + PBX_FULL + "' id='" + id + "'><jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='"
            + sid + "' initiator='vuc.me@skype.example/x'><content creator='initiator' name='audio'>" + description
            + "<transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='abcd' pwd='abcdefghijklmnopqrstuv'>" + transportInside
            + "</transport></content></jingle></iq>";
    }

    static final String OPUS = "<description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'>"
        + "<payload-type id='111' name='opus' clockrate='48000' channels='2'/><rtcp-mux/></description>";

    @Test
    void anOfferWithoutAFingerprintIsTerminatedWithSecurityError() {
        vuc.raw(initiate("raw-nofp", "nofp1", "", OPUS));
        assertThat(vuc.awaitIqReply("raw-nofp", T).type()).isEqualTo("result");
        assertThat(vuc.awaitReport("jingle-in session-terminate nofp1 ", T)).endsWith(" security-error");
        assertThat(pbx.varSets("CID")).isEmpty();
        assertThat(pbx.logLines("refused: security-error")).hasSize(1);
        assertThat(pbx.skype().callsInUse()).isZero();
    }

    @Test
    void anOfferWithNoCodecWeCarryIsTerminatedIncompatible() {
        vuc.raw(initiate("raw-g729", "g729", FP, "<description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'>"
            + "<payload-type id='18' name='G729' clockrate='8000'/></description>"));
        assertThat(vuc.awaitReport("jingle-in session-terminate g729 ", T)).endsWith(" incompatible-parameters");
    }

    @Test
    void aMalformedDescriptionIsBadRequest() {
        // from a sender of its own: log lines are rate-limited per sender, across the tests of one run
        try (SkypeTestBuddy other = net.buddy("stranger2")) {
            other.raw(initiate("raw-bad", "bad1", FP, "<description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'>"
                + "<payload-type id='999' name='opus'/></description>"));
            SkypeTestBuddy.IqReply r = other.awaitIqReply("raw-bad", T);
            assertThat(r.type()).isEqualTo("error");
            assertThat(r.condition()).isEqualTo("bad-request");
            assertThat(pbx.logLines("could not read: malformed Jingle: payload-type id '999'")).as(String.join("\n", pbx.log)).hasSize(1);
        }
        assertThat(pbx.account("lmentinc").isLoggedIn()).isTrue();
    }

    @Test
    void anActionForAnUnknownSessionIsItemNotFound() {
        vuc.raw("<iq type='set' to='" + PBX_FULL + "' id='raw-unknown'><jingle xmlns='urn:xmpp:jingle:1' action='transport-info' sid='nosuch'>"
            + "<content creator='initiator' name='audio'><transport xmlns='urn:xmpp:jingle:transports:ice-udp:1'/></content></jingle></iq>");
        SkypeTestBuddy.IqReply r = vuc.awaitIqReply("raw-unknown", T);
        assertThat(r.condition()).isEqualTo("item-not-found");
        assertThat(r.xml()).contains("unknown-session", "urn:xmpp:jingle:errors:1");
    }

    @Test
    void aSecondSessionAcceptIsOutOfOrderAndTheCallGoesOn() {
        vuc.callMode("answer");
        pbx.run("test", "g");
        String sid = vuc.awaitReport("jmi-in propose ", T).split(" ")[2];
        vuc.awaitReport("call-state accepted " + sid, T);
        await().atMost(T).until(() -> pbx.skype().calls().stream().anyMatch(c -> c.state() == SkypeCallState.ACTIVE));
        vuc.raw("<iq type='set' to='" + PBX_FULL + "' id='raw-again'><jingle xmlns='urn:xmpp:jingle:1' action='session-accept' sid='" + sid
            + "'><content creator='initiator' name='audio'>" + OPUS + "<transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='abcd'"
            + " pwd='abcdefghijklmnopqrstuv'>" + FP + "</transport></content></jingle></iq>");
        SkypeTestBuddy.IqReply r = vuc.awaitIqReply("raw-again", T);
        assertThat(r.condition()).isEqualTo("unexpected-request");
        assertThat(r.xml()).contains("out-of-order");
        assertThat(pbx.skype().calls()).singleElement().extracting(SkypeCall::state).isEqualTo(SkypeCallState.ACTIVE);
        vuc.hangup();
        await().atMost(T).until(() -> !pbx.varSets("AFTER").isEmpty());
    }

    @Test
    void aBuddyWhoGoesOfflineMidCallEndsItAndTheDialplanGoesOn() {
        vuc.callMode("answer");
        pbx.run("test", "g");
        vuc.awaitReport("call-state accepted ", T);
        await().atMost(T).until(() -> pbx.skype().calls().stream().anyMatch(c -> c.state() == SkypeCallState.ACTIVE));
        vuc.close(); // unavailable presence, then the stream ends
        vuc = null;
        await().atMost(T).until(() -> !pbx.varSets("AFTER").isEmpty());
        assertThat(pbx.varSets("AFTER")).containsExactly("ANSWER");
        await().atMost(T).until(() -> pbx.skype().callsInUse() == 0 && pbx.pbx.channels().byPrefix("Skype/").isEmpty());
    }

    @Test
    void aHundredProposalsInASecondAreRateLimitedWithoutLeakingChannels() {
        vuc.callMode("ignore");
        vuc.proposeFlood("lmentinc@skype.example", 100);
        pbx.awaitLog("too many calls proposed by vuc.me@skype.example", T);
        await().atMost(Duration.ofSeconds(30)).until(() -> pbx.skype().callsInUse() == 0 && pbx.pbx.channels().byPrefix("Skype/").isEmpty());
        long started = pbx.events("Newchannel", e -> e.get("Channel").startsWith("Skype/")).size();
        assertThat(started).isLessThanOrEqualTo(SkypeCallRate.BURST);
        assertThat(pbx.logLines("too many calls proposed").size()).isLessThanOrEqualTo(6); // PbxLog.limited: 5 and a summary
        // the PBX still calls out
        vuc.callMode("reject");
        pbx.run("test", "ring10");
        await().atMost(T).until(() -> pbx.varSets("RESULT").contains("BUSY"));
    }
}
