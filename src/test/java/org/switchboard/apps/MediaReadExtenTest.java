package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.testing.TestPbx;

/** ReadExten: digits read while a longer extension could match, READEXTENSTATUS and the variable as app_readexten sets them. */
class MediaReadExtenTest {
    @TempDir Path tmp;
    private SoundFixture fx;
    private TestPbx t;
    private Channel caller;

    @BeforeEach
    void prompts() throws IOException {
        fx = new SoundFixture(tmp);
        fx.prompt("dial-exten", 500, 200);
        fx.prompt("long-prompt", 600, 3000);
    }

    @AfterEach
    void stop() {
        if (caller != null) caller.hangup();
        if (t != null) t.close();
    }

    private void call(String readExten, boolean answer) {
        t = fx.pbx("""
                [ctx]
                exten => s,1,%s
                 same => n,%s
                 same => n,Verbose(1,@got '${E}' ${READEXTENSTATUS} '${INVALID_EXTEN}')
                [dir]
                exten => 1,1,NoOp()
                exten => 12,1,NoOp()
                exten => 123,1,NoOp()
                exten => 4,1,NoOp()
                exten => 45,1,NoOp()
                """.formatted(answer ? "Answer()" : "NoOp()", readExten));
        caller = SoundFixture.call(t, "s", "ctx");
    }

    private String result() {
        SoundFixture.voiceUntilHangup(caller, 10_000);
        return t.said("@got").stream().map(l -> l.substring(l.indexOf("@got"))).findFirst().orElse("no result");
    }

    private void dial(String digits) {
        for (char d : digits.toCharArray()) SoundFixture.dtmf(caller, d);
    }

    @Test
    void readsUntilNoLongerExtensionCouldMatch() {
        call("ReadExten(E,dial-exten,dir,,5)", true);
        dial("123");
        assertThat(result()).isEqualTo("@got '123' OK ''");
    }

    @Test
    void aPoundThatCompletesNothingIsDropped() {
        call("ReadExten(E,,dir,,5)", true);
        dial("1#");
        assertThat(result()).isEqualTo("@got '1' OK ''");
    }

    @Test
    void thePOptionEndsTheExtensionAtPound() {
        call("ReadExten(E,,dir,p,5)", true);
        dial("4#5");
        assertThat(result()).isEqualTo("@got '4' OK ''");
    }

    @Test
    void anExtensionThatDoesNotExistIsInvalid() {
        call("ReadExten(E,dial-exten,dir,,5)", true);
        dial("9");
        assertThat(result()).isEqualTo("@got 'i' INVALID '9'");
    }

    @Test
    void nothingDialedIsATimeoutCountedFromTheStartOfTheFile() {
        call("ReadExten(E,long-prompt,dir,,1)", true);
        List<Frame.VoiceFrame> heard = SoundFixture.voiceUntilHangup(caller, 10_000);
        assertThat(t.said("@got")).singleElement().asString().endsWith("@got 't' TIMEOUT ''");
        assertThat(heard.size()).as("the 3 s prompt was cut off after the 1 s timeout").isBetween(30, 70);
    }

    @Test
    void theSOptionSkipsAnUnansweredChannel() {
        call("ReadExten(E,dial-exten,dir,s,1)", false);
        assertThat(result()).isEqualTo("@got '' SKIP ''");
        assertThat(t.logLines("Playing 'dial-exten")).isEmpty();
    }

    @Test
    void theIOptionPlaysAToneListUntilTheFirstDigit() {
        call("ReadExten(E,440,dir,i,5)", true);
        Frame.VoiceFrame first = SoundFixture.firstVoice(caller, 5000);
        assertThat(SoundFixture.goertzel(SoundFixture.samples(first.payload()), 440, 8000)).isGreaterThan(0.5);
        dial("45");
        assertThat(result()).isEqualTo("@got '45' OK ''");
    }

    @Test
    void noVariableIsAnError() {
        call("ReadExten(,dial-exten)", true);
        assertThat(result()).isEqualTo("@got '' ERROR ''");
        assertThat(t.said("Usage: ReadExten(variable[,filename[,context[,options[,timeout]]]])")).hasSize(1);
    }
}
