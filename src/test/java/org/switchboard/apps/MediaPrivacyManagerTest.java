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
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.testing.TestPbx;

/** PrivacyManager: a caller without caller ID enters a number, which becomes the caller ID; PRIVACYMGRSTATUS. */
class MediaPrivacyManagerTest {
    @TempDir Path tmp;
    private SoundFixture fx;
    private TestPbx t;
    private Channel caller;

    @BeforeEach
    void prompts() throws IOException {
        fx = new SoundFixture(tmp);
        for (String p : List.of("privacy-unident", "privacy-incorrect", "privacy-thankyou")) fx.prompt(p, 500, 40);
        // empty, so that once its Playing line is logged the application is reading digits (a prompt drops digits)
        fx.prompt("privacy-prompt", 500, 0);
    }

    @AfterEach
    void stop() {
        if (caller != null) caller.hangup();
        if (t != null) t.close();
    }

    private void call(String before, String app) {
        t = fx.pbx("""
                [ctx]
                exten => s,1,%s
                 same => n,%s
                 same => n,Verbose(1,@status '${PRIVACYMGRSTATUS}' '${CALLERID(num)}' '${CALLERID(name)}')
                [allowed]
                exten => _555XXXX,1,NoOp()
                """.formatted(before, app));
        caller = SoundFixture.call(t, "s", "ctx");
    }

    /** Waits for the n-th number prompt, then dials. */
    private void answerPrompt(int n, String digits) {
        await().atMost(Duration.ofSeconds(10)).until(() -> t.logLines("Playing 'privacy-prompt").size() >= n);
        for (char d : digits.toCharArray()) SoundFixture.dtmf(caller, d);
    }

    private List<String> played() {
        return t.logLines("> Playing '").stream().map(l -> l.substring(l.indexOf("Playing '") + 9, l.indexOf(".wav'"))).toList();
    }

    @Test
    void aNumberLongEnoughBecomesTheCallerId() {
        call("NoOp()", "PrivacyManager()");
        answerPrompt(1, "12#");
        answerPrompt(2, "5551234567#");
        SoundFixture.voiceUntilHangup(caller, 10_000);
        assertThat(t.path()).containsExactly("@status 'SUCCESS' '5551234567' 'Privacy Manager'");
        assertThat(played()).containsExactly("privacy-unident", "privacy-prompt", "privacy-incorrect", "privacy-prompt", "privacy-thankyou");
        assertThat(t.said("Changed Caller*ID number to '5551234567'")).hasSize(1);
    }

    @Test
    void aContextDecidesWhichNumbersAreGood() {
        call("NoOp()", "PrivacyManager(3,4,,allowed)");
        answerPrompt(1, "1234#");
        answerPrompt(2, "5551234#");
        SoundFixture.voiceUntilHangup(caller, 10_000);
        assertThat(t.path()).containsExactly("@status 'SUCCESS' '5551234' 'Privacy Manager'");
    }

    @Test
    void tooManyWrongNumbersFail() {
        call("NoOp()", "PrivacyManager(1,x)");
        answerPrompt(1, "12#");
        SoundFixture.voiceUntilHangup(caller, 10_000);
        assertThat(t.path()).containsExactly("@status 'FAILED' '' ''");
        assertThat(t.said("Invalid min length argument: 'x'")).hasSize(1);
    }

    @Test
    void aCallerWithCallerIdIsLeftAlone() {
        call("Set(CALLERID(num)=5550000)", "PrivacyManager()");
        SoundFixture.voiceUntilHangup(caller, 10_000);
        assertThat(t.path()).containsExactly("@status '' '5550000' ''");
        assertThat(t.said("CallerID number present: Skipping")).hasSize(1);
    }
}
