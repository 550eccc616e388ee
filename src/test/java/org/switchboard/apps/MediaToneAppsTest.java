package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.testing.TestPbx;

/** Milliwatt: the tone a caller hears (1004 Hz at 0 dBm0, or the old 1000 Hz), until the caller hangs up. */
class MediaToneAppsTest {
    @TempDir Path tmp;
    private TestPbx t;
    private Channel caller;

    @AfterEach
    void stop() {
        if (caller != null) caller.hangup();
        if (t != null) t.close();
    }

    /** One second of what the caller hears, then the caller hangs up. */
    private short[] hear(String app) throws IOException {
        t = new SoundFixture(tmp).pbx("""
                [ctx]
                exten => s,1,Answer()
                 same => n,%s
                 same => n,Verbose(1,@never)
                exten => h,1,Verbose(1,@h)
                """.formatted(app));
        caller = SoundFixture.call(t, "s", "ctx");
        List<Frame.VoiceFrame> frames = new ArrayList<>();
        frames.add(SoundFixture.firstVoice(caller, 5000));
        while (frames.size() < 50) {
            if (caller.read(2000) instanceof Frame.VoiceFrame v) frames.add(v);
        }
        caller.hangup();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> !t.path().isEmpty());
        assertThat(t.path()).containsExactly("@h");
        return SoundFixture.samples(SoundFixture.concat(frames));
    }

    private static int peak(short[] s) {
        int p = 0;
        for (short v : s) p = Math.max(p, Math.abs(v));
        return p;
    }

    @Test
    void milliwattIsA1004HzToneAtZeroDbm0() throws IOException {
        short[] s = hear("Milliwatt()");
        assertThat(SoundFixture.goertzel(s, 1004, 8000)).as("1004 Hz").isGreaterThan(0.9);
        assertThat(SoundFixture.goertzel(s, 1000, 8000)).as("not 1000 Hz").isLessThan(0.1);
        assertThat(peak(s)).isBetween(23000, 23300);
    }

    @Test
    void theOldOptionIsA1000HzToneAtTheDigitalMilliwattLevel() throws IOException {
        short[] s = hear("Milliwatt(o)");
        assertThat(SoundFixture.goertzel(s, 1000, 8000)).as("1000 Hz").isGreaterThan(0.9);
        assertThat(SoundFixture.goertzel(s, 1004, 8000)).as("not 1004 Hz").isLessThan(0.1);
        assertThat(peak(s)).as("0 dBm0 too: the digital milliwatt decodes to a 22,579 peak").isBetween(22400, 22700);
    }

    @Test
    void theTestLineOptionRepeatsNineSecondsOfToneAndOneOfSilence() {
        org.switchboard.media.sound.ToneGenerator g = org.switchboard.media.sound.ToneGenerator.of("1004/9000,0/1000");
        assertThat(g.parts()).hasSize(2);
        assertThat(g.parts().get(0).durationMs()).isEqualTo(9000);
        assertThat(g.parts().get(1).freq1()).isZero();
        assertThat(MilliwattApp.digitalMilliwattAmplitude()).isBetween(22500.0, 22650.0);
    }

    private List<Frame.VoiceFrame> zap(String before, String app) throws IOException {
        t = new SoundFixture(tmp).pbx("""
                [ctx]
                exten => s,1,%s
                 same => n,%s
                 same => n,Verbose(1,@status ${ZAPATELLERSTATUS})
                """.formatted(before, app));
        caller = SoundFixture.call(t, "s", "ctx");
        return SoundFixture.voiceUntilHangup(caller, 5000);
    }

    @Test
    void zapatellerAnswersAndPlaysTheSpecialInformationTone() throws IOException {
        short[] s = SoundFixture.samples(SoundFixture.concat(zap("NoOp()", "Zapateller(answer)")));
        assertThat(t.path()).containsExactly("@status ZAPPED");
        assertThat(s).hasSize(1990 * 8);
        int part = 330 * 8;
        int[] freqs = {950, 1400, 1800};
        for (int i = 0; i < 3; i++) {
            short[] seg = java.util.Arrays.copyOfRange(s, i * part, (i + 1) * part);
            assertThat(SoundFixture.goertzel(seg, freqs[i], 8000)).as(freqs[i] + " Hz").isGreaterThan(0.9);
            assertThat(peak(seg)).isBetween(8000, 8200);
        }
        assertThat(peak(java.util.Arrays.copyOfRange(s, 3 * part, s.length))).as("a second of silence").isZero();
    }

    @Test
    void zapatellerLeavesCallersWithCallerIdAloneWithNocallerid() throws IOException {
        List<Frame.VoiceFrame> heard = zap("Set(CALLERID(num)=5551234)", "Zapateller(answer,nocallerid)");
        assertThat(t.path()).containsExactly("@status ANSWERED");
        assertThat(heard).isEmpty();
    }
}
