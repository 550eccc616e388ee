package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;

/**
 * Skype calls through a private Prosody with an independent Jingle peer (buddy.py: slixmpp and
 * aiortc, translating Jingle to SDP itself): how they are placed and refused, what the dialplan
 * sees (DIALSTATUS, CALLERID), licenses and presence, and what the peer sees on the wire.
 */
class SkypeCallTest {
    static final Duration T = Duration.ofSeconds(15);
    static final String PBX_FULL = "lmentinc@skype.example/switchboard";
    static final String DIALPLAN = """
        [test]
        exten => ring10,1,Dial(Skype/vuc.me,10)
         same => n,Set(RESULT=${DIALSTATUS})
        exten => short,1,Dial(Skype/vuc.me,2)
         same => n,Set(RESULT=${DIALSTATUS})
        exten => g,1,Dial(Skype/vuc.me,10,g)
         same => n,Set(AFTER=${DIALSTATUS})
        exten => tfot,1,Dial(Skype/lmentinc@tfot.madsen,10)
         same => n,Set(RESULT=${DIALSTATUS})
        exten => nobody,1,Dial(Skype/nobody@example.org,5)
         same => n,Set(RESULT=${DIALSTATUS})

        [skype-incoming]
        exten => start,1,Set(CID=${CALLERID(num)}/${CALLERID(name)})
         same => n,Ringing()
         same => n,Wait(0.3)
         same => n,Answer()
         same => n,Wait(2)
         same => n,Hangup()
        """;

    SkypeTestNetwork net = SkypeTestNetwork.shared();
    SkypeTestPbx pbx;
    SkypeTestBuddy vuc;

    void start(String extra) {
        pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", net.lmentinc(extra), "extensions.conf", DIALPLAN));
        pbx.loggedIn("lmentinc");
    }

    SkypeTestBuddy online(String user) {
        SkypeTestBuddy b = net.buddy(user);
        await().atMost(T).until(() -> pbx.account("lmentinc").buddyStatus(net.jid(user)).equals("Online"));
        return b;
    }

    @BeforeEach
    void up() {
        start("");
        vuc = online("vuc.me");
    }

    @AfterEach
    void down() {
        if (vuc != null) vuc.close();
        pbx.close();
    }

    List<String> result() { return pbx.varSets("RESULT"); }

    void awaitResult(String status) {
        await().atMost(T).until(() -> !result().isEmpty());
        assertThat(result()).as(String.join("\n", pbx.log)).containsExactly(status);
    }

    @Test
    void aDialProposesToTheBareJidAndTheBuddyThatProceedsGetsTheSession() {
        vuc.callMode("answer");
        Channel caller = pbx.run("test", "g");
        String propose = vuc.awaitReport("jmi-in propose ", T);
        String sid = propose.split(" ")[2];
        assertThat(propose).endsWith(" " + PBX_FULL);
        assertThat(vuc.awaitReport("jingle-in session-initiate " + sid, T)).contains(PBX_FULL);
        assertThat(vuc.awaitReport("call-state accepted " + sid, T)).endsWith("ok");
        vuc.awaitReport("call-state connection connected", T); // ICE and DTLS done on aiortc's side
        await().atMost(T).until(() -> pbx.pbx.channels().all().stream().anyMatch(c -> c.name().matches("Skype/lmentinc@vuc\\.me-[0-9a-f]{8}")));
        assertThat(SkypeCliReloadTest.cli(pbx.pbx, "skype show calls")).contains("lmentinc", "vuc.me", "out");
        assertThat(SkypeCliReloadTest.cli(pbx.pbx, "skype show users")).contains("1/2");
        vuc.hangup();
        await().atMost(T).until(() -> !pbx.varSets("AFTER").isEmpty());
        assertThat(pbx.varSets("AFTER")).as(vuc.lines + "\n" + String.join("\n", pbx.log)).containsExactly("ANSWER");
        await().atMost(T).until(() -> pbx.skype().callsInUse() == 0);
        assertThat(pbx.events("Newchannel", e -> e.get("Channel").startsWith("Skype/lmentinc@vuc.me-"))).hasSize(1);
        assertThat(pbx.events("DialEnd", e -> "ANSWER".equals(e.get("DialStatus")))).hasSize(1);
    }

    @Test
    void aRejectedProposalIsBusy() {
        vuc.callMode("reject");
        pbx.run("test", "ring10");
        awaitResult("BUSY");
        assertThat(vuc.count(l -> l.startsWith("jingle-in session-initiate"))).isZero();
    }

    @Test
    void dialsTimeoutRetractsTheProposalAndIsNoAnswer() {
        vuc.callMode("ring");
        pbx.run("test", "short");
        String sid = vuc.awaitReport("jmi-in propose ", T).split(" ")[2];
        awaitResult("NOANSWER");
        vuc.awaitReport("jmi-in retract " + sid, T);
        assertThat(pbx.skype().callsInUse()).isZero();
    }

    @Test
    void theCallerHearsRingingWhenTheBuddysDeviceRings() {
        vuc.callMode("ring");
        pbx.run("test", "short");
        await().atMost(T).until(() -> !pbx.events("Newstate", e -> e.get("Channel").startsWith("Skype/")
            && "Ringing".equals(e.get("ChannelStateDesc"))).isEmpty());
        awaitResult("NOANSWER");
    }

    @Test
    void anOfflineBuddyIsChanUnavailAtOnce() {
        vuc.close();
        vuc = null;
        await().atMost(T).until(() -> pbx.account("lmentinc").buddyStatus(net.jid("vuc.me")).equals("Offline"));
        pbx.run("test", "ring10");
        awaitResult("CHANUNAVAIL");
        assertThat(pbx.logLines("vuc.me is offline")).isNotEmpty();
    }

    @Test
    void aStrangerCannotBeCalledUnderAuthpolicyDeny() {
        pbx.run("test", "nobody");
        awaitResult("CHANUNAVAIL");
        assertThat(pbx.logLines("is not a buddy of 'lmentinc' (authpolicy=deny)")).isNotEmpty();
    }

    @Test
    void aDeviceWithoutJmiButWithJingleAudioGetsASessionInitiate() {
        vuc.jmi(false);
        vuc.awaitReport("ok jmi", T);
        vuc.callMode("answer");
        pbx.run("test", "g");
        vuc.awaitReport("jingle-in session-initiate ", T);
        vuc.awaitReport("call-state accepted ", T);
        vuc.awaitReport("call-state connection connected", T);
        assertThat(vuc.count(l -> l.startsWith("jmi-in propose"))).isZero();
        vuc.hangup();
        await().atMost(T).until(() -> !pbx.varSets("AFTER").isEmpty());
        assertThat(pbx.varSets("AFTER")).containsExactly("ANSWER");
    }

    @Test
    void aBuddysProposalRingsTheAccountsExtensionWithItsCallerId() {
        vuc.callMode("answer");
        vuc.call("lmentinc@skype.example", "jmi");
        String sid = vuc.awaitReport("call-state proposed ", T).split(" ")[2];
        vuc.awaitReport("jmi-in ringing " + sid, T);
        vuc.awaitReport("jmi-in proceed " + sid, T);
        assertThat(vuc.awaitReport("jingle-in session-accept " + sid, T)).contains(PBX_FULL);
        await().atMost(T).until(() -> !pbx.varSets("CID").isEmpty());
        assertThat(pbx.varSets("CID")).containsExactly("vuc.me/vuc.me");
        vuc.awaitReport("jingle-in session-terminate " + sid, T);
        assertThat(vuc.awaitReport("jingle-in session-terminate " + sid, T)).endsWith("success");
        await().atMost(T).until(() -> pbx.skype().callsInUse() == 0);
    }

    @Test
    void aDirectSessionInitiateRingsTheExtensionToo() {
        vuc.call(PBX_FULL, "direct");
        String sid = vuc.awaitReport("call-state initiated ", T).split(" ")[2];
        vuc.awaitReport("jingle-in session-info " + sid, T);
        vuc.awaitReport("jingle-in session-accept " + sid, T);
        await().atMost(T).until(() -> !pbx.varSets("CID").isEmpty());
        vuc.awaitReport("jingle-in session-terminate " + sid, T);
    }

    @Test
    void whenEveryLicenseIsTakenTheNextCallIsRefusedAndTheAccountIsOnThePhone() {
        try (SkypeTestBuddy tfot = online("tfot.madsen")) {
            vuc.callMode("ring");
            tfot.callMode("ring");
            pbx.run("test", "ring10");
            vuc.awaitReport("jmi-in propose ", T);
            pbx.run("test", "tfot");
            tfot.awaitReport("jmi-in propose ", T);
            // both licenses in use: the account is dnd "On the phone" for its buddies
            tfot.awaitLine(l -> l.startsWith("status lmentinc@skype.example dnd " + java.util.Base64.getEncoder()
                .encodeToString("On the phone".getBytes())), T);
            pbx.run("test", "ring10");
            await().atMost(T).until(() -> pbx.varSets("RESULT").contains("CHANUNAVAIL"));
            assertThat(pbx.logLines("all 2 Skype licenses are in use")).hasSize(1);
            vuc.call("lmentinc@skype.example", "jmi");
            String sid = vuc.awaitReport("call-state proposed ", T).split(" ")[2];
            vuc.awaitReport("jmi-in reject " + sid, T);
            assertThat(SkypeCliReloadTest.cli(pbx.pbx, "skype show licenses")).contains("2 of 2");
        }
    }

    @Test
    void theAccountAdvertisesExactlyWhatItSupportsWithACorrectCapsHash() {
        String caps = vuc.awaitReport("caps " + PBX_FULL + " ", T);
        vuc.disco(PBX_FULL);
        String disco = vuc.awaitReport("disco ", T);
        String[] w = disco.split(" ");
        assertThat(caps.split(" ")[2]).as("XEP-0115 ver in presence vs. computed from disco#info").isEqualTo(w[1]);
        assertThat(w[2].split(",")).containsExactlyInAnyOrder("http://jabber.org/protocol/caps", "http://jabber.org/protocol/disco#info",
            "urn:ietf:rfc:4733", "urn:ietf:rfc:5761", "urn:xmpp:jingle-message:0", "urn:xmpp:jingle:1", "urn:xmpp:jingle:apps:dtls:0",
            "urn:xmpp:jingle:apps:rtp:1", "urn:xmpp:jingle:apps:rtp:audio", "urn:xmpp:jingle:transports:ice-udp:1", "urn:xmpp:ping");
    }
}
