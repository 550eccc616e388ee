package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupCause;
import org.switchboard.media.sound.SoundFile;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.media.sound.SoundFormat;
import org.switchboard.testing.TestPbx;

/** Playback and Background over a Local channel: the caller's half hears the prompt frame by frame. */
class MediaPlaybackTest {
    @TempDir Path tmp;
    private SoundFixture fx;
    private TestPbx t;
    private Channel caller;

    @BeforeEach
    void prompts() throws IOException {
        fx = new SoundFixture(tmp);
        fx.prompt("hello", 500, 310);    // 15.5 frames: the last one is half a frame
        fx.prompt("digits/1", 700, 100);
    }

    @AfterEach
    void stop() {
        if (caller != null) caller.hangup();
        if (t != null) t.close();
    }

    private Channel call(String dialplan) { return call(dialplan, "s"); }

    private Channel call(String dialplan, String exten) {
        t = fx.pbx(dialplan);
        caller = SoundFixture.call(t, exten, "ctx");
        return caller;
    }

    @Test
    void playbackSendsThePromptAsTwentyMillisecondSlinFramesAndAnswers() throws IOException {
        call("""
                [ctx]
                exten => s,1,Playback(hello)
                 same => n,Verbose(1,@status ${PLAYBACKSTATUS})
                """, "s");
        long start = System.nanoTime();
        List<Frame.VoiceFrame> frames = SoundFixture.voiceUntilHangup(caller, 5000);
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(frames).hasSize(16);
        assertThat(frames).allMatch(f -> f.codec().equals("slin"));
        assertThat(frames.subList(0, 15)).allMatch(f -> f.samples() == 160 && f.payload().length == 320);
        assertThat(frames.get(15).samples()).isEqualTo(80);
        byte[] file = SoundFile.read(fx.sounds.resolve("en/hello.wav"), SoundFormat.WAV).slin();
        assertThat(SoundFixture.concat(frames)).isEqualTo(file);
        assertThat(tookMs).as("paced in real time").isGreaterThanOrEqualTo(290);
        assertThat(t.said("@status SUCCESS")).hasSize(1);
        assertThat(t.logLines("> Playing 'hello.wav' (language 'en')")).hasSize(1);
        assertThat(caller.state()).isEqualTo(ChannelState.UP);
    }

    @Test
    void severalFilesPlayInOrderAndAMissingOneFailsWithoutStoppingTheDialplan() {
        call("""
                [ctx]
                exten => s,1,Playback(digits/1&no-such-prompt&hello,noanswer)
                 same => n,Verbose(1,@status ${PLAYBACKSTATUS})
                """, "s");
        List<Frame.VoiceFrame> frames = SoundFixture.voiceUntilHangup(caller, 5000);
        assertThat(frames).hasSize(5 + 16);
        assertThat(t.said("@status FAILED")).hasSize(1);
        assertThat(t.logLines("WARNING")).anyMatch(l -> l.contains("file.c: File no-such-prompt does not exist in any format"));
        assertThat(t.logLines("WARNING")).anyMatch(l -> l.contains("app_playback.c: Playback failed on Local/s@ctx-")
                && l.endsWith(" for digits/1&no-such-prompt&hello,noanswer"));
        assertThat(caller.state()).as("noanswer").isNotEqualTo(ChannelState.UP);
    }

    @Test
    void skipDoesNothingOnAChannelThatIsNotUp() {
        call("""
                [ctx]
                exten => s,1,Playback(hello,skip)
                 same => n,Verbose(1,@status ${PLAYBACKSTATUS})
                """, "s");
        assertThat(SoundFixture.voiceUntilHangup(caller, 5000)).isEmpty();
        assertThat(t.said("@status SUCCESS")).hasSize(1);
    }

    @Test
    void aHangupEndsPlaybackAtOnce() {
        call("""
                [ctx]
                exten => s,1,Playback(hello&hello&hello&hello&hello&hello&hello&hello&hello&hello)
                 same => n,Verbose(1,@never)
                exten => h,1,Verbose(1,@h ${PLAYBACKSTATUS})
                """, "s");
        SoundFixture.firstVoice(caller, 5000);
        long start = System.nanoTime();
        caller.softHangup(HangupCause.NORMAL_CLEARING);
        caller.hangup();
        await().atMost(Duration.ofMillis(500)).until(() -> !t.said("@h FAILED").isEmpty());
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
        assertThat(t.said("@never")).isEmpty();
        await().atMost(Duration.ofSeconds(2)).until(() -> t.pbx.channels().count() == 0);
    }

    @Test
    void backgroundStopsAtADigitAndGoesToThatExtension() {
        call("""
                [ctx]
                exten => s,1,Background(hello&hello&hello&hello)
                 same => n,Verbose(1,@no digit)
                exten => 1,1,Verbose(1,@one ${BACKGROUNDSTATUS})
                exten => 23,1,Verbose(1,@twenty-three)
                exten => i,1,Verbose(1,@invalid ${INVALID_EXTEN})
                """, "s");
        SoundFixture.firstVoice(caller, 5000);
        SoundFixture.dtmf(caller, '1');
        SoundFixture.voiceUntilHangup(caller, 5000);
        assertThat(t.said("@one SUCCESS")).hasSize(1);
        assertThat(t.said("@no digit")).isEmpty();
    }

    @Test
    void backgroundCollectsMoreDigitsWhileALongerExtensionCouldMatch() {
        call("""
                [ctx]
                exten => s,1,Background(hello&hello&hello&hello)
                exten => 23,1,Verbose(1,@twenty-three)
                """, "s");
        SoundFixture.firstVoice(caller, 5000);
        SoundFixture.dtmf(caller, '2');
        SoundFixture.dtmf(caller, '3');
        SoundFixture.voiceUntilHangup(caller, 5000);
        assertThat(t.said("@twenty-three")).hasSize(1);
    }

    @Test
    void backgroundWithoutADigitGoesOnAndAMissingFileFails() {
        call("""
                [ctx]
                exten => s,1,Background(digits/1)
                 same => n,Verbose(1,@after ${BACKGROUNDSTATUS})
                 same => n,Background(nothing-here)
                 same => n,Verbose(1,@after ${BACKGROUNDSTATUS})
                """, "s");
        assertThat(SoundFixture.voiceUntilHangup(caller, 5000)).hasSize(5);
        assertThat(t.said("@after")).containsSubsequence(List.of(t.said("@after SUCCESS").get(0), t.said("@after FAILED").get(0)));
        assertThat(t.logLines("ast_streamfile failed on Local/s@ctx-")).hasSize(1);
    }
    @Test
    void backgroundWithMStopsOnlyForAOneDigitExtension() {
        call("""
                [ctx]
                exten => s,1,Background(hello,m)
                 same => n,Verbose(1,@played out)
                exten => 1,1,Verbose(1,@one)
                """);
        SoundFixture.firstVoice(caller, 5000);
        SoundFixture.dtmf(caller, '5');   // not an extension: the prompt goes on
        assertThat(SoundFixture.voiceUntilHangup(caller, 5000)).hasSize(15);
        assertThat(t.said("@played out")).hasSize(1);
        assertThat(t.said("@one")).isEmpty();
    }

    @Test
    void aLanguageWithoutTheFileFallsBackToEnglishAndSayCanBeInterrupted() throws IOException {
        fx.prompt("digits/2", 800, 400);
        call("""
                [ctx]
                exten => s,1,Set(CHANNEL(language)=fr)
                 same => n,Set(SAY_DTMF_INTERRUPT=yes)
                 same => n,SayNumber(2)
                 same => n,Verbose(1,@not interrupted)
                exten => 9,1,Verbose(1,@nine)
                """);
        SoundFixture.firstVoice(caller, 5000);
        SoundFixture.dtmf(caller, '9');
        SoundFixture.voiceUntilHangup(caller, 5000);
        assertThat(t.logLines("> Playing 'digits/2.wav' (language 'fr')")).hasSize(1);
        assertThat(t.said("@nine")).hasSize(1);
    }
}
