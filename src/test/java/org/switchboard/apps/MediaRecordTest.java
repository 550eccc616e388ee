package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.media.sound.SoundFile;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.media.sound.SoundFormat;
import org.switchboard.testing.TestPbx;

/** Record: what the caller sends ends up in the file; #, silence, maxduration and hangup end it. */
class MediaRecordTest {
    @TempDir Path tmp;
    private SoundFixture fx;
    private TestPbx t;
    private Channel caller;

    @BeforeEach
    void setUp() throws IOException {
        fx = new SoundFixture(tmp);
        fx.prompt("beep", 1000, 100);
    }

    @AfterEach
    void stop() {
        if (caller != null) caller.hangup();
        if (t != null) t.close();
    }

    private void call(String record) {
        t = fx.pbx("""
                [ctx]
                exten => s,1,%s
                 same => n,Verbose(1,@status ${RECORD_STATUS} ${RECORDED_FILE})
                exten => h,1,Verbose(1,@h ${RECORD_STATUS})
                """.formatted(record));
        caller = SoundFixture.call(t, "s", "ctx");
    }

    private void speak(double freq, int frames) {
        short[] s = SoundFixture.sine(freq, frames * 20, 8000);
        for (int i = 0; i < frames; i++) {
            byte[] p = toBytes(s, i * 160, 160);
            caller.write(new Frame.VoiceFrame("slin", p, 160));
        }
    }

    private static byte[] toBytes(short[] s, int from, int n) {
        byte[] out = new byte[n * 2];
        for (int i = 0; i < n; i++) {
            out[2 * i] = (byte) s[from + i];
            out[2 * i + 1] = (byte) (s[from + i] >> 8);
        }
        return out;
    }

    private void awaitRecording() {
        await().atMost(Duration.ofSeconds(5)).until(() -> !t.logLines("> Recording '").isEmpty());
    }

    @Test
    void recordsWhatArrivesUntilPoundIntoAWavFile() throws IOException {
        call("Record(msg/greeting.wav)");
        awaitRecording();
        speak(440, 50);
        SoundFixture.dtmf(caller, '#');
        SoundFixture.voiceUntilHangup(caller, 5000);
        assertThat(t.said("@status DTMF msg/greeting")).hasSize(1);
        SoundFile f = SoundFile.read(fx.sounds.resolve("msg/greeting.wav"), SoundFormat.WAV);
        assertThat(f.samples()).isEqualTo(50 * 160);
        assertThat(SoundFixture.goertzel(SoundFixture.samples(f.slin()), 440, 8000)).isGreaterThan(0.9);
    }

    @Test
    void silenceEndsTheRecordingAndIsTrimmedToOneSecond() throws IOException {
        call("Record(" + tmp.resolve("out") + ".sln,2,,q)");
        awaitRecording();
        speak(300, 25);
        speak(0, 100);   // 2 s of silence
        SoundFixture.voiceUntilHangup(caller, 5000);
        assertThat(t.said("@status SILENCE")).hasSize(1);
        assertThat(SoundFile.read(tmp.resolve("out.sln"), SoundFormat.SLN).durationMs()).isEqualTo(500 + 1000);
    }

    @Test
    void maxDurationEndsItWithTimeoutAndPercentDNumbersFiles() throws IOException {
        Files.createDirectories(fx.sounds.resolve("rec"));
        Files.write(fx.sounds.resolve("rec/take0.ulaw"), new byte[8]);
        call("Record(rec/take%d.ulaw,0,1,q)");
        SoundFixture.voiceUntilHangup(caller, 5000);
        assertThat(t.said("@status TIMEOUT rec/take1")).hasSize(1);
        assertThat(fx.sounds.resolve("rec/take1.ulaw")).exists();
    }

    @Test
    void aHangupDeletesTheRecordingUnlessKept() {
        call("Record(gone.wav,0,0,q)");
        awaitRecording();
        speak(440, 5);
        caller.hangup();
        await().atMost(Duration.ofSeconds(10)).failFast(() -> false)
            .untilAsserted(() -> assertThat(t.log).as("log").anyMatch(l -> l.contains("@h HANGUP"))); // returns as soon as h ran; 10 s only for a loaded CI box
        assertThat(fx.sounds.resolve("gone.wav")).doesNotExist();
    }

    @Test
    void noFormatIsAnErrorAndUnknownFormatsAreRefused() {
        call("Record(nothing.xyz,0,0,q)");
        SoundFixture.voiceUntilHangup(caller, 5000);
        assertThat(t.said("@status ERROR")).hasSize(1);
        assertThat(t.logLines("No such format 'xyz'")).hasSize(1);
    }
}
