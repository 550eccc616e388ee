package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.media.codec.WavFile;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.testing.ToneAudio;

/**
 * Audio over a Skype call, end to end: ICE, DTLS-SRTP and Opus between the PBX and the aiortc
 * peer; a tone sent on one side is measured at its frequency on the other.
 */
class SkypeMediaTest {
    static final Duration T = Duration.ofSeconds(20);
    static final String DIALPLAN = """
        [skype-incoming]
        exten => start,1,Answer()
         same => n,Playtones(1000)
         same => n,Record(${REC},0,4)
         same => n,Hangup()
        """;

    SkypeTestNetwork net = SkypeTestNetwork.shared();
    SkypeTestPbx pbx;
    SkypeTestBuddy vuc;
    Path dir;

    @BeforeEach
    void up() throws Exception {
        dir = Files.createTempDirectory("skype-media-");
        pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", net.lmentinc(""), "extensions.conf",
            "[globals]\nREC=" + dir.resolve("pbx-heard.wav") + "\n" + DIALPLAN));
        pbx.loggedIn("lmentinc");
        vuc = net.buddy("vuc.me");
        await().atMost(T).until(() -> pbx.account("lmentinc").buddyStatus(net.jid("vuc.me")).equals("Online"));
    }

    @AfterEach
    void down() {
        if (vuc != null) vuc.close();
        pbx.close();
    }

    /** What the test saw, for a failure message: the buddy's reports and stderr, the PBX's log. */
    String diag() {
        String err;
        try { err = Files.readString(net.dir.resolve("buddy-vuc.me.err")); } catch (java.io.IOException e) { err = e.toString(); }
        return "buddy: " + vuc.lines + "\nbuddy stderr:\n" + err + "\nPBX log:\n" + String.join("\n", pbx.log);
    }

    @Test
    void aToneCrossesEachWayAtItsFrequency() throws Exception {
        try {
            toneCrossesEachWay();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(diag(), e);
        }
    }

    private void toneCrossesEachWay() throws Exception {
        Path heard = dir.resolve("buddy-heard.wav");
        vuc.tone(440);
        vuc.record(heard);
        vuc.call("lmentinc@skype.example", "jmi");
        vuc.awaitReport("call-state connection connected", T);
        vuc.awaitReport("jingle-in session-terminate ", T);
        // Record is done (and its file whole) once the call's channel is gone
        await().atMost(T).until(() -> !pbx.events("Hangup", e -> e.get("Channel").startsWith("Skype/")).isEmpty()
            && Files.exists(dir.resolve("pbx-heard.wav")));
        // aiortc writes what it heard as 48 kHz stereo: ToneAudio keeps the first channel
        await().atMost(T).until(() -> { try { ToneAudio.read(heard); return true; } catch (Exception e) { return false; } });
        ToneAudio.Pcm buddySide = ToneAudio.read(heard);
        short[] b = buddySide.samples();
        assertThat(SoundFixture.goertzel(b, 1000, buddySide.rate())).as("1000 Hz in what the buddy recorded")
            .isGreaterThan(SoundFixture.goertzel(b, 440, buddySide.rate()) * 10).isGreaterThan(0.3);
        WavFile pbxSide = WavFile.read(dir.resolve("pbx-heard.wav"));
        short[] s = pbxSide.samples();
        assertThat(s.length).as("samples the PBX recorded").isGreaterThan(8000);
        assertThat(SoundFixture.goertzel(s, 440, pbxSide.sampleRate())).as("440 Hz in what the PBX recorded")
            .isGreaterThan(SoundFixture.goertzel(s, 1000, pbxSide.sampleRate()) * 10).isGreaterThan(0.3);
    }
}
