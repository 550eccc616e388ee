package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.testing.BaresipPhone;
import org.switchboard.testing.ToneAudio;

/**
 * A Skype call bridged to a SIP phone, both ways: baresip (PCMU, a sip.conf peer) and the aiortc
 * buddy (Opus over ICE + DTLS-SRTP) each play a tone, and each recording holds the other's tone,
 * not its own: the PBX transcodes Opus 48 kHz to G.711 8 kHz and back.
 */
class SkypeSipBridgeTest {
    static final Duration T = Duration.ofSeconds(20);
    static final String DIALPLAN = """
        [phones]
        exten => 100,1,Dial(Skype/vuc.me,20)

        [skype-incoming]
        exten => start,1,Dial(SIP/phone1,20)
        """;
    static final String SIP = """
        [general]
        udpbindaddr=127.0.0.1:0

        [phone1]
        type=friend
        host=dynamic
        secret=phone1-secret
        context=phones
        disallow=all
        allow=ulaw
        """;

    @TempDir Path dir;
    SkypeTestNetwork net = SkypeTestNetwork.shared();
    SkypeTestPbx pbx;
    SkypeTestBuddy vuc;
    BaresipPhone phone;
    Path phoneHeard, buddyHeard;

    @BeforeEach
    void up() throws Exception {
        assumeTrue(BaresipPhone.installed(), "baresip not installed");
        pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", net.lmentinc(""), "sip.conf", SIP, "extensions.conf", DIALPLAN,
            "rtp.conf", "[general]\nrtpstart=23000\nrtpend=23998\n"));
        pbx.loggedIn("lmentinc");
        vuc = net.buddy("vuc.me");
        buddyHeard = dir.resolve("buddy-heard.wav");
        vuc.tone(440);
        vuc.record(buddyHeard);
        int sipPort = SipModule.get(pbx.pbx).stack().udpAddress().getPort();
        phoneHeard = dir.resolve("phone-heard.wav");
        phone = BaresipPhone.start(dir, "phone1", "phone1-secret", "127.0.0.1:" + sipPort,
            ToneAudio.writeTone(dir.resolve("phone-tone.wav"), 1000, 8000, 10), phoneHeard, List.of("PCMU"));
        phone.awaitRegistered(T);
        await().atMost(T).until(() -> pbx.account("lmentinc").buddyStatus(net.jid("vuc.me")).equals("Online"));
    }

    @AfterEach
    void down() {
        if (phone != null) phone.close();
        if (vuc != null) vuc.close();
        if (pbx != null) pbx.close();
    }

    String diag() {
        String err;
        try { err = Files.readString(net.dir.resolve("buddy-vuc.me.err")); } catch (java.io.IOException e) { err = e.toString(); }
        return "buddy: " + vuc.lines + "\nbuddy stderr:\n" + err + "\nPBX log:\n" + String.join("\n", pbx.log);
    }

    @Test
    void thePhoneDialsTheBuddyAndEachHearsTheOther() throws Exception {
        try {
            phone.dial("sip:100@127.0.0.1:" + SipModule.get(pbx.pbx).stack().udpAddress().getPort());
            vuc.awaitReport("call-state connection connected", T);
            phone.awaitEstablished(T);
            phone.awaitHeard(Duration.ofSeconds(2), T);
            phone.hangup();
            phone.awaitClosed(T);
            vuc.awaitReport("call-state ended ", T); // the PBX's session-terminate: aiortc's recording is closed
            eachHearsTheOther();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(diag(), e);
        }
    }

    @Test
    void theBuddyCallsInAndThePhoneAnswers() throws Exception {
        try {
            vuc.call("lmentinc@skype.example", "jmi");
            assertThat(phone.awaitIncoming(T)).as("the phone's caller").contains("vuc.me");
            phone.answer();
            phone.awaitEstablished(T);
            vuc.awaitReport("call-state connection connected", T);
            phone.awaitHeard(Duration.ofSeconds(2), T);
            vuc.hangup();
            vuc.awaitReport("call-state hungup ", T);
            phone.awaitClosed(T); // the PBX passes the buddy's hangup on as a BYE
            eachHearsTheOther();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(diag(), e);
        }
    }

    @Test
    void holdOnEitherSideReachesTheOther() throws Exception {
        try {
            phone.dial("sip:100@127.0.0.1:" + SipModule.get(pbx.pbx).stack().udpAddress().getPort());
            vuc.awaitReport("call-state connection connected", T);
            phone.awaitEstablished(T);
            // the phone's hold (a sendonly re-INVITE) reaches the buddy as session-info <hold/>, its resume as <unhold/>
            phone.command("hold", null);
            vuc.awaitLine(l -> l.startsWith("jingle-in session-info ") && l.endsWith(" hold"), T);
            phone.command("resume", null);
            vuc.awaitLine(l -> l.startsWith("jingle-in session-info ") && l.endsWith(" unhold"), T);
            // the buddy's hold reaches the Skype channel as HOLD (a bridge passes it on to the other leg)
            vuc.hold(true);
            pbx.awaitLog("is put on hold by vuc.me@skype.example", T);
            vuc.hold(false);
            pbx.awaitLog("is taken off hold by vuc.me@skype.example", T);
            phone.hangup();
            phone.awaitClosed(T);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(diag(), e);
        }
    }

    private void eachHearsTheOther() throws Exception {
        await().atMost(T).until(() -> { try { return ToneAudio.read(buddyHeard).seconds() > 1; } catch (Exception e) { return false; } });
        String phoneSide = ToneAudio.describe(phoneHeard, 440, 1000), buddySide = ToneAudio.describe(buddyHeard, 440, 1000);
        assertThat(ToneAudio.hasTone(phoneHeard, 440)).as("the phone hears the buddy's 440 Hz: " + phoneSide).isTrue();
        assertThat(ToneAudio.hasTone(phoneHeard, 1000)).as("the phone does not hear its own 1000 Hz: " + phoneSide).isFalse();
        assertThat(ToneAudio.hasTone(buddyHeard, 1000)).as("the buddy hears the phone's 1000 Hz: " + buddySide).isTrue();
        assertThat(ToneAudio.hasTone(buddyHeard, 440)).as("the buddy does not hear its own 440 Hz: " + buddySide).isFalse();
    }
}
