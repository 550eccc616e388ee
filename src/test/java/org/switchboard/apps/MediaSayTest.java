package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.testing.TestPbx;

/** SayNumber, SayDigits and SayAlpha: which prompts, in which order (English rules of main/say.c). */
class MediaSayTest {
    @TempDir Path tmp;
    private TestPbx t;
    private Channel caller;

    @AfterEach
    void stop() {
        if (caller != null) caller.hangup();
        if (t != null) t.close();
    }

    @Test
    void numbersFollowTheEnglishRules() {
        assertThat(SayFiles.number(0)).containsExactly("digits/0");
        assertThat(SayFiles.number(7)).containsExactly("digits/7");
        assertThat(SayFiles.number(19)).containsExactly("digits/19");
        assertThat(SayFiles.number(20)).containsExactly("digits/20");
        assertThat(SayFiles.number(45)).containsExactly("digits/40", "digits/5");
        assertThat(SayFiles.number(100)).containsExactly("digits/1", "digits/hundred");
        assertThat(SayFiles.number(123)).containsExactly("digits/1", "digits/hundred", "digits/20", "digits/3");
        assertThat(SayFiles.number(1005)).containsExactly("digits/1", "digits/thousand", "digits/5");
        assertThat(SayFiles.number(-12)).containsExactly("digits/minus", "digits/12");
        assertThat(SayFiles.number(2_345_678)).containsExactly("digits/2", "digits/million", "digits/3", "digits/hundred",
                "digits/40", "digits/5", "digits/thousand", "digits/6", "digits/hundred", "digits/70", "digits/8");
        assertThat(SayFiles.number(1_000_000_000)).isNull();
        assertThat(SayFiles.digits("12*#-x")).containsExactly("digits/1", "digits/2", "digits/star", "digits/pound", "digits/minus");
        assertThat(SayFiles.alpha("Ab1.@")).containsExactly("letters/a", "letters/b", "digits/1", "letters/dot", "letters/at");
    }

    private List<String> played(String app) throws IOException {
        SoundFixture fx = new SoundFixture(tmp);
        for (String p : List.of("digits/1", "digits/2", "digits/3", "digits/20", "digits/hundred", "letters/a", "letters/b")) {
            fx.prompt(p, 600, 20);
        }
        t = fx.pbx("""
                [ctx]
                exten => s,1,%s
                 same => n,Verbose(1,@done)
                """.formatted(app));
        caller = SoundFixture.call(t, "s", "ctx");
        SoundFixture.voiceUntilHangup(caller, 5000);
        assertThat(t.said("@done")).hasSize(1);
        return t.logLines("> Playing '").stream().map(l -> l.substring(l.indexOf("Playing '"))).toList();
    }

    @Test
    void sayNumberPlaysTheDigitPrompts() throws IOException {
        assertThat(played("SayNumber(123)")).containsExactly(
                "Playing 'digits/1.wav' (language 'en')", "Playing 'digits/hundred.wav' (language 'en')",
                "Playing 'digits/20.wav' (language 'en')", "Playing 'digits/3.wav' (language 'en')");
        assertThat(caller.state()).as("Say* does not answer").isNotEqualTo(org.switchboard.core.ChannelState.UP);
    }

    @Test
    void sayDigitsAndSayAlpha() throws IOException {
        assertThat(played("SayDigits(321)")).containsExactly(
                "Playing 'digits/3.wav' (language 'en')", "Playing 'digits/2.wav' (language 'en')",
                "Playing 'digits/1.wav' (language 'en')");
        assertThat(t.log).noneMatch(l -> l.contains("WARNING") && l.contains("file.c"));
    }

    @Test
    void sayAlphaSpellsAndAMissingPromptIsAWarningNotAHangup() throws IOException {
        assertThat(played("SayAlpha(ab9)")).containsExactly(
                "Playing 'letters/a.wav' (language 'en')", "Playing 'letters/b.wav' (language 'en')");
        assertThat(t.logLines("File digits/9 does not exist in any format")).hasSize(1);
    }

    @Test
    void sayNumberWithTextThatIsNoNumberWarnsAndGoesOn() throws IOException {
        assertThat(played("SayNumber(abc)")).isEmpty();
        assertThat(t.logLines("argument 'abc' to SayNumber could not be parsed as a number.")).hasSize(1);
    }
}
