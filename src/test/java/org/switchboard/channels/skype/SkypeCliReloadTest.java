package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;

/** skype show users|buddies|settings, skype reload keeping unchanged accounts, module without config. */
class SkypeCliReloadTest {
    static final Duration T = Duration.ofSeconds(10);
    SkypeTestNetwork net = SkypeTestNetwork.shared();

    static String cli(Pbx pbx, String line) {
        List<String> words = List.of(line.split(" "));
        for (CliCommand c : pbx.modules().cliCommands()) {
            if (words.size() >= c.words().size() && words.subList(0, c.words().size()).equals(c.words())) {
                StringWriter sw = new StringWriter();
                PrintWriter pw = new PrintWriter(sw);
                boolean ok = c.execute(pbx, words.subList(c.words().size(), words.size()), pw);
                pw.flush();
                return ok ? sw.toString() : "USAGE " + c.usage();
            }
        }
        throw new AssertionError("no command " + line);
    }

    @Test
    void showCommandsAndReload() throws Exception {
        Path dir = net.confDir("chan_skype.conf", net.lmentinc("statusmessage=At my desk"), "extensions.conf", "[general]\n");
        try (SkypeTestPbx pbx = new SkypeTestPbx(dir)) {
            pbx.loggedIn("lmentinc");
            await().atMost(T).until(() -> pbx.skype().buddies("lmentinc").size() == 2);
            assertThat(cli(pbx.pbx, "skype show users")).contains("lmentinc", "lmentinc@skype.example", "Logged In", "0/2", "1 Skype user");
            assertThat(cli(pbx.pbx, "skype show buddies lmentinc")).contains("tfot.madsen", "vuc.me", "both", "2 buddies");
            assertThat(cli(pbx.pbx, "skype show buddies ghost")).contains("No Skype user 'ghost'");
            assertThat(cli(pbx.pbx, "skype show buddies")).startsWith("USAGE");
            String settings = cli(pbx.pbx, "skype show settings");
            assertThat(settings).contains("Default user:      lmentinc", "At my desk", "Auth policy:     deny").doesNotContain("pw-lmentinc");

            // a changed status message and a new account: lmentinc stays logged in, vuc.me logs in
            Files.writeString(dir.resolve("chan_skype.conf"), net.lmentinc("statusmessage=Gone fishing")
                    + "\n[vuc.me]\nsecret=" + SkypeTestNetwork.ACCOUNTS.get("vuc.me") + "\n");
            assertThat(cli(pbx.pbx, "skype reload")).contains("updated lmentinc", "added vuc.me");
            pbx.loggedIn("vuc.me");
            await().atMost(T).until(() -> pbx.skype().account("vuc.me").buddyStatus("lmentinc@skype.example").equals("Online"));
            assertThat(pbx.events("SkypeAccountStatus", e -> e.get("Username").equals("lmentinc"))).hasSize(1);

            // removing an account logs it out; the other stays
            Files.writeString(dir.resolve("chan_skype.conf"), net.lmentinc("statusmessage=Gone fishing"));
            assertThat(cli(pbx.pbx, "skype reload")).contains("removed vuc.me");
            assertThat(pbx.events("SkypeAccountStatus", e -> e.get("Username").equals("vuc.me")))
                    .extracting(e -> e.get("Status")).containsExactly("Logged In", "Logged Out");
            assertThat(pbx.skype().account("lmentinc").isLoggedIn()).isTrue();
            assertThat(pbx.events("SkypeAccountStatus", e -> e.get("Username").equals("lmentinc"))).hasSize(1);
            assertThat(cli(pbx.pbx, "skype reload")).contains("no account changed");
        }
    }

    @Test
    void withoutChanSkypeConfTheModuleDeclinesInOneLine() {
        try (SkypeTestPbx pbx = new SkypeTestPbx(net.confDir("extensions.conf", "[general]\n"))) {
            assertThat(pbx.logLines("Module 'chan_skype' declined to load")).hasSize(1);
            assertThat(pbx.pbx.modules().application("SkypeChatSend")).isNull();
        }
        try (SkypeTestPbx pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", "[general]\ndomain=x\n[broken]\ncontext=a\n"))) {
            assertThat(pbx.logLines("chan_skype.conf:3: account [broken] has no secret")).hasSize(1);
            assertThat(pbx.logLines("Module 'chan_skype' declined to load: chan_skype.conf has no usable account")).hasSize(1);
        }
    }
}
