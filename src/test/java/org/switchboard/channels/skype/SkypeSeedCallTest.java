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
import org.switchboard.channels.sip.SipPhoneKit;
import org.switchboard.testing.BaresipPhone;
import org.switchboard.testing.ToneAudio;

/**
 * The seed's voice calls on its own dialplan: the shipped conf/ with extensions.conf byte for
 * byte as shipped, and only what lies outside the dialplan pointed at the test network (SIP on a
 * loopback port, the XMPP server's port, lmentinc's password, the server's certificate). The desk
 * phone is baresip registered as the seed's 0000FFFF0001; the buddy vuc.me is the aiortc peer.
 * Each side plays its own tone and must hear the other's, not its own.
 */
class SkypeSeedCallTest {
    static final Duration T = Duration.ofSeconds(20);
    static final String DESK = "0000FFFF0001";
    @TempDir Path dir;
    SkypeTestNetwork net = SkypeTestNetwork.shared();
    SkypeTestPbx pbx;
    SkypeTestBuddy vuc;
    BaresipPhone desk;
    Path deskHeard, buddyHeard;
    int sipPort;

    @BeforeEach
    void up() throws Exception {
        assumeTrue(BaresipPhone.installed(), "baresip not installed");
        Path conf = Files.createDirectories(dir.resolve("conf"));
        try (var files = Files.list(Path.of("conf"))) {
            for (Path f : files.toList()) Files.copy(f, conf.resolve(f.getFileName()));
        }
        assertThat(Files.readString(conf.resolve("extensions.conf")))
            .as("the dialplan runs as shipped").isEqualTo(Files.readString(Path.of("conf/extensions.conf")));
        replace(conf.resolve("sip.conf"), "udpbindaddr=0.0.0.0:5060", "udpbindaddr=127.0.0.1:0");
        replace(conf.resolve("chan_skype.conf"), "port=5222", "port=" + net.port);
        replace(conf.resolve("chan_skype.conf"), "secret=change-me-lmentinc", "secret=" + SkypeTestNetwork.ACCOUNTS.get("lmentinc"));
        replace(conf.resolve("chan_skype.conf"), "tls_ca_file=../run/prosody/skype.example.crt", "tls_ca_file=" + net.cert);
        Files.writeString(conf.resolve("rtp.conf"), "[general]\nrtpstart=24000\nrtpend=24998\n");
        SipPhoneKit.useSounds(conf);
        pbx = new SkypeTestPbx(conf);
        pbx.loggedIn("lmentinc");
        vuc = net.buddy("vuc.me");
        buddyHeard = dir.resolve("buddy-heard.wav");
        vuc.tone(440);
        vuc.record(buddyHeard);
        sipPort = SipModule.get(pbx.pbx).stack().udpAddress().getPort();
        deskHeard = dir.resolve("desk-heard.wav");
        desk = BaresipPhone.start(dir, DESK, "change-me-0001", SipPhoneKit.registrar(sipPort),
            ToneAudio.writeTone(dir.resolve("desk-tone.wav"), 1000, 8000, 10), deskHeard, List.of("PCMU"));
        desk.awaitRegistered(T);
        await().atMost(T).until(() -> pbx.account("lmentinc").buddyStatus(net.jid("vuc.me")).equals("Online"));
    }

    private static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).as(file.getFileName() + " as shipped").contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @AfterEach
    void down() {
        if (desk != null) desk.close();
        if (vuc != null) vuc.close();
        if (pbx != null) pbx.close();
    }

    String diag() {
        String err;
        try { err = Files.readString(net.dir.resolve("buddy-vuc.me.err")); } catch (java.io.IOException e) { err = e.toString(); }
        return "buddy: " + vuc.lines + "\nbuddy stderr:\n" + err + "\nPBX log:\n" + String.join("\n", pbx.log);
    }

    @Test
    void theDeskDialsSkypeDashVucMeAndEachHearsTheOther() throws Exception {
        try {
            desk.dial(SipPhoneKit.uri("SKYPE-vuc.me", sipPort));
            vuc.awaitReport("call-state connection connected", T);
            pbx.awaitLog("Dialing via Skype", T);
            // silence/1 and pls-wait-connect-call come first (3.6 s), then the buddy's tone
            desk.awaitHeard(Duration.ofSeconds(7), T);
            desk.hangup();
            desk.awaitClosed(T);
            vuc.awaitReport("call-state ended ", T);
            assertThat(pbx.varSets("NameToDial")).containsExactly("vuc.me");
            eachHearsTheOther();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(diag(), e);
        }
    }

    @Test
    void theDeskDialsExtension100AndEachHearsTheOther() throws Exception {
        try {
            desk.dial(SipPhoneKit.uri("100", sipPort));
            vuc.awaitReport("call-state connection connected", T);
            desk.awaitHeard(Duration.ofSeconds(4), T);
            desk.hangup();
            desk.awaitClosed(T);
            vuc.awaitReport("call-state ended ", T);
            assertThat(pbx.logLines("Dial(\"SIP/" + DESK)).anyMatch(l -> l.contains("Skype/vuc.me,30"));
            eachHearsTheOther();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(diag(), e);
        }
    }

    @Test
    void theBuddyCallsLmentincAndTheDeskRingsAnswersAndTalks() throws Exception {
        try {
            vuc.call("lmentinc@skype.example", "jmi");
            assertThat(desk.awaitIncoming(T)).as("the desk's caller").contains("vuc.me");
            pbx.awaitLog("Incoming Skype Call", T);
            assertThat(pbx.logLines("skype-incoming")).anyMatch(l -> l.contains("start"));
            desk.answer();
            desk.awaitEstablished(T);
            vuc.awaitReport("call-state connection connected", T);
            desk.awaitHeard(Duration.ofSeconds(4), T);
            vuc.hangup();
            vuc.awaitReport("call-state hungup ", T);
            desk.awaitClosed(T);
            eachHearsTheOther();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(diag(), e);
        }
    }

    private void eachHearsTheOther() throws Exception {
        await().atMost(T).until(() -> { try { return ToneAudio.read(buddyHeard).seconds() > 1; } catch (Exception e) { return false; } });
        String deskSide = ToneAudio.describe(deskHeard, 440, 1000), buddySide = ToneAudio.describe(buddyHeard, 440, 1000);
        assertThat(ToneAudio.hasTone(deskHeard, 440)).as("the desk hears the buddy's 440 Hz: " + deskSide).isTrue();
        assertThat(ToneAudio.hasTone(deskHeard, 1000)).as("the desk does not hear its own 1000 Hz: " + deskSide).isFalse();
        assertThat(ToneAudio.hasTone(buddyHeard, 1000)).as("the buddy hears the desk's 1000 Hz: " + buddySide).isTrue();
        assertThat(ToneAudio.hasTone(buddyHeard, 440)).as("the buddy does not hear its own 440 Hz: " + buddySide).isFalse();
    }
}
