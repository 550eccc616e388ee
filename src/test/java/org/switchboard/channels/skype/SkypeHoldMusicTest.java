package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.testing.BaresipPhone;
import org.switchboard.testing.ToneAudio;

/**
 * Hold across a Skype ↔ SIP bridge, as Asterisk does it: the side that holds (a sendonly re-INVITE,
 * or XEP-0167 §7.2's session-info {@code <hold/>}) sends HOLD through the bridge, and the other
 * side hears music on hold from its own {@code mohinterpret} class until UNHOLD. Each class of the
 * test's musiconhold.conf is a single file of a known tone, so each side's recording shows when
 * the music started and that it stopped: the desk phone plays 1000 Hz, the buddy 440 Hz, the
 * desk's class 660 Hz, the default class (the buddy's) 880 Hz.
 */
class SkypeHoldMusicTest {
    static final Duration T = Duration.ofSeconds(20);
    static final double PHONE = 1000, BUDDY = 440, DESK_MUSIC = 660, DEFAULT_MUSIC = 880;
    static final String DIALPLAN = "[phones]\nexten => 100,1,Dial(Skype/vuc.me,30)\n";

    @TempDir Path dir;
    SkypeTestNetwork net = SkypeTestNetwork.shared();
    SkypeTestPbx pbx;
    SkypeTestBuddy vuc;
    BaresipPhone phone;
    Path buddyHeard;

    /** A PBX whose phone1 has {@code mohinterpret}, with the given musiconhold.conf classes, the phone and vuc.me logged in. */
    void up(String mohInterpret, String mohClasses) throws Exception {
        assumeTrue(BaresipPhone.installed(), "baresip not installed");
        String sip = """
            [general]
            udpbindaddr=127.0.0.1:0

            [phone1]
            type=friend
            host=dynamic
            secret=phone1-secret
            context=phones
            disallow=all
            allow=ulaw
            mohinterpret=%s
            """.formatted(mohInterpret);
        pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", net.lmentinc(""), "sip.conf", sip, "extensions.conf", DIALPLAN,
            "musiconhold.conf", mohClasses, "rtp.conf", "[general]\nrtpstart=25000\nrtpend=25998\n"));
        pbx.loggedIn("lmentinc");
        vuc = net.buddy("vuc.me");
        buddyHeard = dir.resolve("buddy-heard.wav");
        vuc.tone(BUDDY);
        vuc.record(buddyHeard);
        int sipPort = SipModule.get(pbx.pbx).stack().udpAddress().getPort();
        phone = BaresipPhone.start(dir, "phone1", "phone1-secret", "127.0.0.1:" + sipPort,
            ToneAudio.writeTone(dir.resolve("phone-tone.wav"), PHONE, 8000, 30), dir.resolve("phone-heard.wav"), List.of("PCMU"));
        phone.awaitRegistered(T);
        await().atMost(T).until(() -> pbx.account("lmentinc").buddyStatus(net.jid("vuc.me")).equals("Online"));
        phone.dial("sip:100@127.0.0.1:" + sipPort);
        vuc.awaitReport("call-state connection connected", T);
        phone.awaitEstablished(T);
    }

    /** A musiconhold.conf class playing one file: a tone, written under the test's folder. */
    String toneClass(String name, double hz) throws Exception {
        Path d = Files.createDirectories(dir.resolve("moh-" + name));
        ToneAudio.writeTone(d.resolve(name + ".wav"), hz, 8000, 3);
        return "[" + name + "]\nmode=files\ndirectory=" + d + "\n\n";
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
        return "buddy: " + (vuc == null ? "" : vuc.lines) + "\nbuddy stderr:\n" + err + "\nPBX log:\n"
            + (pbx == null ? "" : String.join("\n", pbx.log)) + "\nphone heard: " + describeTail(phone == null ? null : phone.currentRecording())
            + "\nbuddy heard: " + describeTail(buddyHeard) + "\nphone dumps: " + dumps() + "\nRTP: " + rtpCounts();
    }

    String rtpCounts() {
        if (pbx == null) return "";
        return pbx.pbx.channels().all().stream().map(c -> c.name() + (c.tech() instanceof org.switchboard.channels.sip.call.SipCall sc
            ? " sent " + sc.rtp().packetsSent() + " received " + sc.rtp().packetsReceived() : "")).toList().toString();
    }

    String dumps() {
        Path rec = phone == null ? null : phone.currentRecording();
        if (rec == null) return "none";
        try (var files = Files.list(rec.getParent())) {
            return files.map(f -> f.getFileName() + " " + f.toFile().length()).sorted().toList().toString();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void theBuddyHearsTheDefaultClassWhileThePhoneHoldsAndItStopsAtResume() throws Exception {
        try {
            up("deskmusic", toneClass("deskmusic", DESK_MUSIC) + toneClass("default", DEFAULT_MUSIC));
            awaitTail(() -> buddyHeard, PHONE, "the buddy hears the phone");
            // the phone holds (a sendonly re-INVITE): the buddy (no mohinterpret on lmentinc) hears the default class
            phone.command("hold", null);
            vuc.awaitLine(l -> l.startsWith("jingle-in session-info ") && l.endsWith(" hold"), T);
            awaitTail(() -> buddyHeard, DEFAULT_MUSIC, "the buddy hears the default class while the phone holds");
            assertThat(pbx.logLines("Started music on hold, class 'default', on channel 'Skype/")).hasSize(1);
            phone.command("resume", null);
            awaitTail(() -> buddyHeard, PHONE, "the music stops and the buddy hears the phone again");
            assertThat(pbx.logLines("Stopped music on hold on Skype/")).hasSize(1);
            assertThat(pbx.logLines("on channel 'SIP/")).as("the holding side hears no music").isEmpty();
            phone.hangup();
            phone.awaitClosed(T);
            vuc.awaitReport("call-state ended ", T);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(diag(), e);
        }
    }

    @Test
    void thePhoneHearsItsMohinterpretClassWhileTheBuddyHoldsAndItStopsAtUnhold() throws Exception {
        try {
            up("deskmusic", toneClass("deskmusic", DESK_MUSIC) + toneClass("default", DEFAULT_MUSIC));
            awaitTail(phone::currentRecording, BUDDY, "the phone hears the buddy");
            // the buddy holds (session-info <hold/>): the phone hears its own mohinterpret class, not default
            vuc.hold(true);
            awaitTail(phone::currentRecording, DESK_MUSIC, "the phone hears deskmusic while the buddy holds");
            assertThat(pbx.logLines("Started music on hold, class 'deskmusic', on channel 'SIP/phone1-")).hasSize(1);
            vuc.hold(false);
            awaitTail(phone::currentRecording, BUDDY, "the music stops and the phone hears the buddy again");
            assertThat(pbx.logLines("Stopped music on hold on SIP/phone1-")).hasSize(1);
            assertThat(pbx.logLines("on channel 'Skype/")).as("the holding side hears no music").isEmpty();
            phone.hangup();
            phone.awaitClosed(T);
            vuc.awaitReport("call-state ended ", T);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(diag(), e);
        }
    }

    @Test
    void aMohinterpretNamingNoClassIsOneWarningSilenceAndTheCallGoesOn() throws Exception {
        try {
            up("nosuch", toneClass("deskmusic", DESK_MUSIC)); // no [default] to fall back on
            awaitTail(phone::currentRecording, BUDDY, "the phone hears the buddy");
            vuc.hold(true);
            pbx.awaitLog("Music on Hold class 'nosuch' not found", T);
            await().atMost(T).until(() -> isSilentTail(phone.currentRecording()));
            vuc.hold(false);
            awaitTail(phone::currentRecording, BUDDY, "the phone hears the buddy again after unhold");
            List<String> warnings = pbx.logLines("Music on Hold class 'nosuch' not found");
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains("mohinterpret of [phone1] at ").contains("sip.conf:")
                .contains("musiconhold.conf has no [default]").contains("hears silence");
            assertThat(ToneAudio.hasTone(phone.currentRecording(), DESK_MUSIC)).as("no other class plays").isFalse();
            assertThat(pbx.pbx.channels().count()).as("the call is still up").isEqualTo(2);
            phone.hangup();
            phone.awaitClosed(T);
            vuc.awaitReport("call-state ended ", T);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(diag(), e);
        }
    }

    /** Waits until the recording, still being written, has grown by 1.5 s whose last 1.5 s are the tone {@code hz}. */
    void awaitTail(java.util.function.Supplier<Path> wav, double hz, String what) {
        double from = seconds(wav.get());
        await(what).atMost(T).until(() -> seconds(wav.get()) >= from + 1.5 && tailFraction(wav.get(), hz) >= 0.8);
    }

    static double seconds(Path wav) {
        try {
            return wav == null || !Files.exists(wav) ? 0 : ToneAudio.read(wav).seconds();
        } catch (Exception e) {
            return 0;
        }
    }

    static ToneAudio.Pcm tail(Path wav) {
        if (wav == null || !Files.exists(wav)) return null;
        try {
            ToneAudio.Pcm p = ToneAudio.read(wav);
            int n = (int) (1.5 * p.rate()), len = p.samples().length;
            return len < n ? null : new ToneAudio.Pcm(p.rate(), Arrays.copyOfRange(p.samples(), len - n, len));
        } catch (Exception e) {
            return null; // the header or the first frames are not written yet
        }
    }

    static double tailFraction(Path wav, double hz) {
        ToneAudio.Pcm t = tail(wav);
        return t == null ? 0 : ToneAudio.toneFraction(t, hz);
    }

    /** The last 1.5 s hold neither party's tone nor any class's, and next to no energy. */
    static boolean isSilentTail(Path wav) {
        ToneAudio.Pcm t = tail(wav);
        if (t == null) return false;
        double sum = 0;
        for (short s : t.samples()) sum += (double) s * s;
        return Math.sqrt(sum / t.samples().length) < 200;
    }

    static String describeTail(Path wav) {
        ToneAudio.Pcm t = tail(wav);
        if (t == null) return wav + ": nothing yet";
        StringBuilder sb = new StringBuilder(wav.getFileName().toString()).append(" last 1.5 s:");
        for (double hz : new double[] {BUDDY, DESK_MUSIC, DEFAULT_MUSIC, PHONE}) {
            sb.append(String.format(" %.0f Hz %.0f%%", hz, 100 * ToneAudio.toneFraction(t, hz)));
        }
        return sb.toString();
    }
}
