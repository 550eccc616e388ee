package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 4733 digits both ways on a Skype call with the aiortc peer (telephone-event/48000 beside
 * Opus, SRTP over the DTLS transport): the peer's presses reach Read() and WaitExten(), and
 * SendDTMF() reaches the peer.
 */
class SkypeDtmfTest {
    static final Duration T = Duration.ofSeconds(20);
    static final String DIALPLAN = """
        [skype-incoming]
        exten => start,1,Answer()
         same => n,SendDTMF(4567#)
         same => n,Read(DIGITS,,3,,,15)
         same => n,Hangup()

        [waitexten]
        exten => start,1,Answer()
         same => n,WaitExten(15)
        exten => 42,1,Set(ROUTED=42)
         same => n,Hangup()
        """;

    SkypeTestNetwork net = SkypeTestNetwork.shared();
    SkypeTestPbx pbx;
    SkypeTestBuddy vuc;

    void up(String context) throws Exception {
        pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", net.chanSkypeConf("[lmentinc]\nsecret=" + SkypeTestNetwork.ACCOUNTS.get("lmentinc") + "\ncontext=" + context + "\nexten=start\n"), "extensions.conf", DIALPLAN));
        pbx.loggedIn("lmentinc");
        vuc = net.buddy("vuc.me");
        await().atMost(T).until(() -> pbx.account("lmentinc").buddyStatus(net.jid("vuc.me")).equals("Online"));
    }

    @AfterEach
    void down() {
        if (vuc != null) vuc.close();
        if (pbx != null) pbx.close();
    }

    String diag() {
        String err;
        try { err = Files.readString(net.dir.resolve("buddy-vuc.me.err")); } catch (java.io.IOException e) { err = e.toString(); }
        return "buddy: " + vuc.lines + "\nbuddy stderr:\n" + err + "\nPBX log:\n" + String.join("\n", pbx.log);
    }

    @Test
    void sendDtmfReachesThePeerAndThePeersDigitsReachRead() throws Exception {
        up("skype-incoming");
        try {
            vuc.call("lmentinc@skype.example", "jmi");
            vuc.awaitReport("call-state connection connected", T);
            // SendDTMF's five digits arrive at the peer as telephone-events, in order
            await().atMost(T).until(() -> vuc.count(l -> l.startsWith("dtmf-in ")) >= 5);
            assertThat(vuc.lines.stream().filter(l -> l.startsWith("dtmf-in ")).toList())
                .containsExactly("dtmf-in 4", "dtmf-in 5", "dtmf-in 6", "dtmf-in 7", "dtmf-in #");
            // SendDTMF drops what arrives while it plays (as Asterisk's does): press once Read() listens
            pbx.awaitLog("Accepting a maximum of 3 digits", T);
            vuc.dtmf("123");
            await().atMost(T).until(() -> pbx.varSets("DIGITS").contains("123"));
            vuc.awaitReport("jingle-in session-terminate ", T);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(diag(), e);
        }
    }

    @Test
    void thePeersDigitsPickAnExtensionInWaitExten() throws Exception {
        up("waitexten");
        try {
            vuc.call("lmentinc@skype.example", "jmi");
            vuc.awaitReport("call-state connection connected", T);
            await().atMost(T).until(() -> !pbx.logLines("WaitExten(").isEmpty());
            vuc.dtmf("42");
            await().atMost(T).until(() -> pbx.varSets("ROUTED").equals(List.of("42")));
            vuc.awaitReport("jingle-in session-terminate ", T);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(diag(), e);
        }
    }
}
