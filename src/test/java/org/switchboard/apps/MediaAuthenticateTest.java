package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.res.astdb.AstDb;
import org.switchboard.testing.TestPbx;

/** Authenticate: the prompts a caller hears, three attempts, and passwords from the argument, a file or the AstDB. */
class MediaAuthenticateTest {
    @TempDir Path tmp;
    private SoundFixture fx;
    private TestPbx t;
    private Channel caller;

    @BeforeEach
    void prompts() throws IOException {
        fx = new SoundFixture(tmp);
        for (String p : List.of("agent-pass", "auth-incorrect", "auth-thankyou", "vm-goodbye", "custom-prompt")) fx.prompt(p, 500, 40);
        Files.writeString(fx.confDir.resolve("asterisk.conf"), "astdbdir => " + tmp.resolve("db") + "\n", StandardOpenOption.APPEND);
    }

    @AfterEach
    void stop() {
        if (caller != null) caller.hangup();
        if (t != null) t.close();
    }

    private void call(String auth, String digits) {
        t = fx.pbx("""
                [ctx]
                exten => s,1,%s
                 same => n,Verbose(1,@ok '${CHANNEL(accountcode)}')
                exten => h,1,Verbose(1,@h)
                """.formatted(auth));
        caller = SoundFixture.call(t, "s", "ctx");
        for (char d : digits.toCharArray()) SoundFixture.dtmf(caller, d);
        SoundFixture.voiceUntilHangup(caller, 10_000);
    }

    private List<String> played() {
        return t.logLines("> Playing '").stream().map(l -> l.substring(l.indexOf("Playing '") + 9, l.indexOf(".wav'"))).toList();
    }

    @Test
    void theRightPasswordThanksAndGoesOn() {
        call("Authenticate(1234)", "1234#");
        assertThat(t.path()).containsExactly("@ok ''", "@h");
        assertThat(played()).containsExactly("agent-pass", "auth-thankyou");
    }

    @Test
    void threeWrongPasswordsSayGoodbyeAndEndTheCall() {
        call("Authenticate(1234)", "1#2#3#");
        assertThat(t.path()).containsExactly("@h");
        assertThat(played()).containsExactly("agent-pass", "auth-incorrect", "auth-incorrect", "vm-goodbye");
    }

    @Test
    void theAOptionSetsTheAccountCodeAndMaxdigitsNeedsNoPound() {
        call("Authenticate(42,a,2,custom-prompt)", "9#42");
        assertThat(t.path()).containsExactly("@ok '42'", "@h");
        assertThat(played()).containsExactly("custom-prompt", "auth-incorrect", "auth-thankyou");
    }

    @Test
    void aFileOfPasswords() throws IOException {
        Path file = Files.writeString(tmp.resolve("pins"), "1111\n2222\n");
        call("Authenticate(" + file + ",a)", "2222#");
        assertThat(t.path()).containsExactly("@ok '2222'", "@h");
    }

    @Test
    void aFileOfAccountCodesAndMd5Hashes() throws IOException {
        Path file = Files.writeString(tmp.resolve("hashes"), "sales:" + AuthenticateApp.md5Hex("555") + "\nsupport:"
                + AuthenticateApp.md5Hex("777") + "\n");
        assertThat(AuthenticateApp.md5Hex("555")).isEqualTo("15de21c670ae7c3f6f3f1f37029303c9");
        call("Authenticate(" + file + ",am)", "777#");
        assertThat(t.path()).containsExactly("@ok 'support'", "@h");
    }

    @Test
    void anAstDbKeyIsUsedOnceWithR() {
        t = fx.pbx("[ctx]\nexten => s,1,NoOp()\n");
        AstDb.of(t.pbx).put("pin", "4321", "anything");
        t.close();
        call("Authenticate(/pin,dr)", "4321#");
        assertThat(t.path()).containsExactly("@ok ''", "@h");
        assertThat(AstDb.of(t.pbx).get("pin", "4321")).as("removed once used").isNull();
    }

    @Test
    void noPasswordWarnsAndEndsTheCall() {
        call("Authenticate()", "");
        assertThat(t.path()).containsExactly("@h");
        assertThat(t.said("Authenticate requires an argument(password)")).hasSize(1);
    }
}
