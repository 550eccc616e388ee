package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.media.sound.TonePlayer;
import org.switchboard.testing.TestPbx;

/** PlayTones in the background of a channel, StopPlayTones, and Echo. */
class MediaTonesTest {
    @TempDir Path tmp;
    private TestPbx t;
    private Channel caller;

    @AfterEach
    void stop() {
        if (caller != null) caller.hangup();
        if (t != null) t.close();
    }

    private void call(String dialplan) throws IOException {
        t = new SoundFixture(tmp).pbx(dialplan);
        caller = SoundFixture.call(t, "s", "ctx");
    }

    private List<Frame.VoiceFrame> frames(int n) {
        List<Frame.VoiceFrame> out = new ArrayList<>();
        while (out.size() < n) {
            if (caller.read(2000) instanceof Frame.VoiceFrame v) out.add(v);
        }
        return out;
    }

    @Test
    void playTonesPlaysANamedToneWhileTheDialplanWaits() throws IOException {
        call("""
                [ctx]
                exten => s,1,Answer()
                 same => n,PlayTones(busy)
                 same => n,Verbose(1,@playing)
                 same => n,Wait(10)
                """);
        short[] s = SoundFixture.samples(SoundFixture.concat(frames(25)));   // the first 500 ms: tone on
        assertThat(SoundFixture.goertzel(s, 480, 8000)).isGreaterThan(0.4);
        assertThat(SoundFixture.goertzel(s, 620, 8000)).isGreaterThan(0.4);
        assertThat(SoundFixture.goertzel(s, 440, 8000)).isLessThan(0.05);
        assertThat(t.said("@playing")).hasSize(1);
    }

    @Test
    void aLiteralToneListAndStopPlayTones() throws IOException {
        call("""
                [ctx]
                exten => s,1,Answer()
                 same => n,PlayTones(1004/400,0/100)
                 same => n,Wait(0.3)
                 same => n,StopPlayTones()
                 same => n,Verbose(1,@stopped)
                 same => n,Wait(10)
                """);
        short[] s = SoundFixture.samples(SoundFixture.concat(frames(10)));
        assertThat(SoundFixture.goertzel(s, 1004, 8000)).isGreaterThan(0.9);
        await().atMost(Duration.ofSeconds(2)).until(() -> !t.said("@stopped").isEmpty());
        Channel callee = t.pbx.channels().all().stream().filter(c -> c.name().endsWith(";2")).findFirst().orElseThrow();
        assertThat(TonePlayer.isPlaying(callee)).isFalse();
        while (caller.poll() != null) { }   // what was sent before the stop
        assertThat(caller.read(200)).isNull();
    }

    @Test
    void aBadToneIsAWarning() throws IOException {
        call("""
                [ctx]
                exten => s,1,PlayTones(not-a-tone)
                 same => n,Verbose(1,@next)
                """);
        SoundFixture.voiceUntilHangup(caller, 2000);
        assertThat(t.said("@next")).hasSize(1);
        assertThat(t.logLines("Unable to start playtones: 'not-a-tone' is not a tone")).hasSize(1);
    }

    @Test
    void echoSendsBackAudioAndDigitsUntilPound() throws IOException {
        call("""
                [ctx]
                exten => s,1,Answer()
                 same => n,Echo()
                 same => n,Verbose(1,@echo done)
                 same => n,Wait(10)
                """);
        await().atMost(Duration.ofSeconds(2)).until(() -> t.pbx.channels().all().stream().anyMatch(c -> "Echo".equals(c.application())));
        byte[] audio = new byte[320];
        audio[7] = 42;
        caller.write(new Frame.VoiceFrame("slin", audio, 160));
        SoundFixture.dtmf(caller, '5');
        Frame.VoiceFrame back = SoundFixture.firstVoice(caller, 2000);
        assertThat(back.payload()).isEqualTo(audio);
        List<Frame> rest = new ArrayList<>();
        SoundFixture.dtmf(caller, '#');
        await().atMost(Duration.ofSeconds(2)).until(() -> !t.said("@echo done").isEmpty());
        for (Frame f; (f = caller.poll()) != null; ) rest.add(f);
        assertThat(rest).filteredOn(f -> f instanceof Frame.DtmfFrame d && d.end()).extracting(f -> ((Frame.DtmfFrame) f).digit())
                .containsExactly('5', '#');
    }
}
