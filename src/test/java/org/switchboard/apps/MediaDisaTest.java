package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupException;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.testing.TestPbx;

/** DISA: dial tone, passcode, then an inside extension with the account code and caller ID it gives; congestion otherwise. */
class MediaDisaTest {
    @TempDir Path tmp;
    private TestPbx t;
    private Channel caller;

    @AfterEach
    void stop() {
        if (caller != null) caller.hangup();
        if (t != null) t.close();
    }

    private void call(String disa) throws IOException {
        t = new SoundFixture(tmp).pbx("""
                [ctx]
                exten => s,1,Set(TIMEOUT(digit)=1)
                 same => n,%s
                 same => n,Verbose(1,@never)
                [inside]
                exten => 100,1,Verbose(1,@reached '${CHANNEL(accountcode)}' '${CALLERID(num)}' '${CALLERID(name)}')
                exten => 1000,1,Verbose(1,@long)
                exten => i,1,Verbose(1,@invalid ${INVALID_EXTEN})
                """.formatted(disa));
        caller = SoundFixture.call(t, "s", "ctx");
    }

    private void dial(String digits) {
        for (char d : digits.toCharArray()) SoundFixture.dtmf(caller, d);
    }

    private void awaitPath() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !t.path().isEmpty());
    }

    @Test
    void thePasscodeGivesAnInsideDialToneAndTheExtensionDialed() throws IOException {
        call("DISA(1234,inside)");
        Frame.VoiceFrame tone = SoundFixture.firstVoice(caller, 5000);
        short[] s = SoundFixture.samples(tone.payload());
        assertThat(SoundFixture.goertzel(s, 350, 8000) + SoundFixture.goertzel(s, 440, 8000)).as("dial tone").isGreaterThan(0.5);
        dial("1234#100");
        awaitPath();
        assertThat(t.path()).containsExactly("@reached '1234' '' ''");
    }

    @Test
    void noPasswordAndANewCallerId() throws IOException {
        call("DISA(no-password,inside,\"Bob\" <5551000>)");
        dial("100");
        awaitPath();
        assertThat(t.path()).containsExactly("@reached '' '5551000' 'Bob'");
    }

    @Test
    void aShorterExtensionIsTakenWhenNoMoreDigitsComeInTime() throws IOException {
        call("DISA(no-password,inside)");
        dial("10");
        awaitPath();
        assertThat(t.path()).containsExactly("@invalid 10");
    }

    @Test
    void anUnknownExtensionGoesToI() throws IOException {
        call("DISA(no-password,inside)");
        dial("9");
        awaitPath();
        assertThat(t.path()).containsExactly("@invalid 9");
    }

    @Test
    void aFileOfPasscodes() throws IOException {
        Path file = Files.writeString(tmp.resolve("disa.txt"), "# passcodes\n; more\n\n1111,elsewhere\n4321,inside,Ann <777>\n");
        call("DISA(" + file + ")");
        dial("4321#100");
        awaitPath();
        assertThat(t.path()).containsExactly("@reached '4321' '777' 'Ann'");
    }

    @Test
    void aBadPasscodeGivesCongestion() throws IOException {
        call("DISA(1234,inside)");
        dial("999#");
        boolean congestion = false;
        try {
            for (Frame f; !congestion && (f = caller.read(5000)) != null; ) {
                congestion = f instanceof Frame.ControlFrame cf && cf.control() == Frame.Control.CONGESTION;
            }
        } catch (HangupException e) {
            // the far end ended first
        }
        assertThat(congestion).isTrue();
        assertThat(t.said("got bad password 999")).hasSize(1);
    }
}
