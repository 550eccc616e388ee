package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.testing.TestPbx;

/** Read: digits pressed during and after the prompts, terminators, timeouts, attempts and READSTATUS. */
class MediaReadTest {
    @TempDir Path tmp;
    private SoundFixture fx;
    private TestPbx t;
    private Channel caller;

    @BeforeEach
    void prompts() throws IOException {
        fx = new SoundFixture(tmp);
        fx.prompt("if-correct-press", 500, 400);
        fx.prompt("digits/1", 700, 100);
        fx.prompt("otherwise-press", 600, 100);
        fx.prompt("digits/2", 800, 100);
    }

    @AfterEach
    void stop() {
        if (caller != null) caller.hangup();
        if (t != null) t.close();
    }

    private void call(String read) {
        t = fx.pbx("""
                [ctx]
                exten => s,1,Answer()
                 same => n,%s
                 same => n,Verbose(1,@got '${Answer}' ${READSTATUS})
                """.formatted(read));
        caller = SoundFixture.call(t, "s", "ctx");
    }

    private String result() {
        SoundFixture.voiceUntilHangup(caller, 10_000);
        return t.said("@got").stream().map(l -> l.substring(l.indexOf("@got"))).findFirst().orElse("no result");
    }

    @Test
    void theSeedsReadTakesOneDigitPressedDuringThePrompt() {
        call("Read(Answer,if-correct-press&digits/1&otherwise-press&digits/2,1)");
        SoundFixture.firstVoice(caller, 5000);
        SoundFixture.dtmf(caller, '2');
        assertThat(result()).isEqualTo("@got '2' OK");
        assertThat(t.said("Accepting a maximum of 1 digits.")).hasSize(1);
        assertThat(t.said("User entered '2'")).hasSize(1);
        assertThat(t.logLines("Playing 'digits/1.wav'")).as("the digit stopped the prompts").isEmpty();
    }

    @Test
    void digitsAfterThePromptEndAtPound() {
        call("Read(Answer,digits/1,,,,2)");
        awaitSilence();
        for (char d : "42#".toCharArray()) SoundFixture.dtmf(caller, d);
        assertThat(result()).isEqualTo("@got '42' OK");
    }

    @Test
    void maxDigitsEndsInputWithoutPound() {
        call("Read(Answer,digits/1,3,,,2)");
        awaitSilence();
        for (char d : "1234".toCharArray()) SoundFixture.dtmf(caller, d);
        assertThat(result()).isEqualTo("@got '123' OK");
    }

    @Test
    void nothingPressedIsATimeoutWithAnEmptyVariable() {
        call("Read(Answer,digits/1,1,,,0.2)");
        assertThat(result()).isEqualTo("@got '' TIMEOUT");
        assertThat(t.said("User entered nothing.")).hasSize(1);
    }

    @Test
    void poundAloneIsOkAndEmpty() {
        call("Read(Answer,digits/1,,,,2)");
        awaitSilence();
        SoundFixture.dtmf(caller, '#');
        assertThat(result()).isEqualTo("@got '' OK");
    }

    @Test
    void attemptsReplayThePromptWhileNothingIsEntered() {
        call("Read(Answer,digits/1,1,,3,0.1)");
        assertThat(result()).isEqualTo("@got '' TIMEOUT");
        assertThat(t.logLines("Playing 'digits/1.wav'")).hasSize(3);
        assertThat(t.said("User entered nothing, 2 chances left")).hasSize(1);
        assertThat(t.said("User entered nothing, 1 chance left")).hasSize(1);
    }

    @Test
    void skipOptionOnAChannelThatIsNotUp() {
        t = fx.pbx("""
                [ctx]
                exten => s,1,Read(Answer,digits/1,1,s)
                 same => n,Verbose(1,@got '${Answer}' ${READSTATUS})
                """);
        caller = SoundFixture.call(t, "s", "ctx");
        assertThat(result()).isEqualTo("@got '' SKIPPED");
    }

    @Test
    void indicationOptionPlaysTheZonesToneUntilTheFirstDigit() {
        call("Read(Answer,dial,2,i,,2)");
        Frame.VoiceFrame first = SoundFixture.firstVoice(caller, 5000);
        assertThat(SoundFixture.goertzel(SoundFixture.samples(first.payload()), 350, 8000)).isGreaterThan(0.2);
        SoundFixture.dtmf(caller, '7');
        SoundFixture.dtmf(caller, '8');
        assertThat(result()).isEqualTo("@got '78' OK");
    }

    @Test
    void aHangupWhileReadingSetsHangup() {
        t = fx.pbx("""
                [ctx]
                exten => s,1,Answer()
                 same => n,Read(Answer,digits/1,,,,10)
                exten => h,1,Verbose(1,@h ${READSTATUS})
                """);
        caller = SoundFixture.call(t, "s", "ctx");
        SoundFixture.firstVoice(caller, 5000);
        caller.hangup();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(2)).until(() -> !t.said("@h HANGUP").isEmpty());
    }

    /** Waits until the prompt has been heard to its end (the next frames stop coming). */
    private void awaitSilence() {
        SoundFixture.firstVoice(caller, 5000);
        while (caller.read(100) instanceof Frame f) {
            assertThat(f).isNotNull();
        }
    }
}
