package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

/**
 * The seed's prompt lines with the prompts bin/make-sounds.sh generated into sounds/en (skipped
 * when they have not been generated): every file plays, whole, in order.
 */
class MediaSeedPromptsTest {
    private static final Path SOUNDS = Path.of("sounds").toAbsolutePath();
    @TempDir Path tmp;
    private TestPbx t;
    private Channel caller;

    @BeforeEach
    void generated() throws IOException {
        assumeTrue(Files.isRegularFile(SOUNDS.resolve("en/is-curntly-unavail.wav")), "run bin/make-sounds.sh first");
        Files.writeString(tmp.resolve("asterisk.conf"), "[directories]\nastdatadir => " + SOUNDS.getParent() + "\n");
    }

    @AfterEach
    void stop() {
        if (caller != null) caller.hangup();
        if (t != null) t.close();
    }

    private static int frames(String prompt) throws IOException {
        int samples = SoundFile.read(SOUNDS.resolve("en/" + prompt + ".wav"), SoundFormat.WAV).samples();
        return (samples + 159) / 160;
    }

    @Test
    void playbackOfTheSeedsUnavailablePromptPlaysEveryFileWhole() throws IOException {
        t = new TestPbx(tmp);
        t.dialplan("""
                [phones]
                exten => 100,1,Answer()
                 same => n,Playback(silence/1&user&is-curntly-unavail)
                 same => n,Verbose(1,@status ${PLAYBACKSTATUS})
                """);
        caller = SoundFixture.call(t, "100", "phones");
        List<Frame.VoiceFrame> heard = SoundFixture.voiceUntilHangup(caller, 5000);
        assertThat(heard).hasSize(frames("silence/1") + frames("user") + frames("is-curntly-unavail"));
        assertThat(frames("silence/1")).isEqualTo(50);
        assertThat(t.said("@status SUCCESS")).hasSize(1);
        assertThat(t.logLines("> Playing '").stream().map(l -> l.substring(l.indexOf("Playing"))).toList()).containsExactly(
                "Playing 'silence/1.wav' (language 'en')", "Playing 'user.wav' (language 'en')",
                "Playing 'is-curntly-unavail.wav' (language 'en')");
    }

    @Test
    void everyListedPromptWasGeneratedAsEightKilohertzWav() throws IOException {
        List<String> names = Files.readAllLines(SOUNDS.resolve("prompts.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")[0]).toList();
        for (String n : names) {
            Path p = SOUNDS.resolve("en/" + n + ".wav");
            SoundFile f = SoundFile.read(p, SoundFormat.WAV);
            assertThat(f.samples()).as(n).isPositive();
            assertThat(Files.size(p)).as(n + " is 16-bit 8 kHz mono").isEqualTo(44 + 2L * f.samples());
        }
        assertThat(SoundFile.read(SOUNDS.resolve("en/silence/10.wav"), SoundFormat.WAV).durationMs()).isEqualTo(10_000);
    }
}
