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

    @Test
    @org.junit.jupiter.api.Disabled("issue 11, open: with ICE/DTLS/Opus warmed at load, media now flows both ways on the loaded box "
        + "(202 packets received, 203 sent in Record's 4 s), but the PBX's Record file holds no samples although 202 Opus packets "
        + "arrived (the Opus-to-slin path yields nothing for aiortc's packets), and aiortc records the PBX's Opus as stereo, "
        + "which WavFile (mono only) refuses; both need fixing before this runs in bin/test")
    void aToneCrossesEachWayAtItsFrequency() throws Exception {
        Path heard = dir.resolve("buddy-heard.wav");
        vuc.tone(440);
        vuc.record(heard);
        vuc.call("lmentinc@skype.example", "jmi");
        try { vuc.awaitReport("call-state connection connected", T); } catch (RuntimeException e) { throw new AssertionError(vuc.lines + "\n" + String.join("\n", pbx.log), e); }
        try { vuc.awaitReport("jingle-in session-terminate ", T); } catch (RuntimeException e) { throw new AssertionError(vuc.lines + "\n" + String.join("\n", pbx.log), e); }
        // Record is done (and its file whole) once the call's channel is gone
        await().atMost(T).until(() -> !pbx.events("Hangup", e -> e.get("Channel").startsWith("Skype/")).isEmpty()
            && Files.exists(dir.resolve("pbx-heard.wav")));
        await().atMost(T).until(() -> { try { WavFile.read(heard); return true; } catch (Exception e) { return false; } });
        WavFile buddySide = WavFile.read(heard);
        short[] b = buddySide.samples();
        assertThat(SoundFixture.goertzel(b, 1000, buddySide.sampleRate())).as("1000 Hz in what the buddy recorded")
            .isGreaterThan(SoundFixture.goertzel(b, 440, buddySide.sampleRate()) * 10).isGreaterThan(0.3);
        WavFile pbxSide = WavFile.read(dir.resolve("pbx-heard.wav"));
        short[] s = pbxSide.samples();
        assertThat(s.length).as("samples the PBX recorded").isGreaterThan(8000);
        assertThat(SoundFixture.goertzel(s, 440, pbxSide.sampleRate())).as("440 Hz in what the PBX recorded")
            .isGreaterThan(SoundFixture.goertzel(s, 1000, pbxSide.sampleRate()) * 10).isGreaterThan(0.3);
    }
}
