package org.switchboard.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.SipPhoneKit;
import org.switchboard.testing.Sipp;
import org.switchboard.testing.TestPbx;

/**
 * The shipped conf/ with conf/extensions_callforward.conf included as its header says: a SIPp
 * desk phone (authenticating as 0000FFFF0001) dials *72100, and a call to its number 201 goes
 * on to 100; *73 clears it; the forward is an AstDB row.
 */
class CallForwardTest {
    private static final Duration MAX = Duration.ofSeconds(60);
    private static final String DESK1 = "0000FFFF0001";
    private TestPbx t;
    private int port;

    @TempDir Path dir;

    @BeforeAll
    static void sippInstalled() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sipp.installed(), "sipp (Debian sip-tester) is not installed");
    }

    @BeforeEach
    void start() throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        try (var files = Files.list(Path.of("conf"))) {
            for (Path f : files.toList()) Files.copy(f, conf.resolve(f.getFileName()));
        }
        Path sip = conf.resolve("sip.conf");
        Files.writeString(sip, Files.readString(sip).replace("udpbindaddr=0.0.0.0:5060", "udpbindaddr=127.0.0.1:0"));
        // what the admin does: one line at the end of extensions.conf; and, for the test, an
        // extension 100 that answers where the shipped one would call Skype
        Path ext = conf.resolve("extensions.conf");
        Files.writeString(ext, Files.readString(ext).replace("[phones]\nexten => 100,1,Answer()", "[phones]\nexten => 100,1,Answer()\n   same => n,Verbose(1,@ 100 answered for ${CALLERID(num)})\n   same => n,Hangup()\nexten => 100,2,Answer()")
                + "\n#include extensions_callforward.conf\n");
        Files.writeString(conf.resolve("modules.conf"), "[modules]\nautoload=yes\nnoload => chan_skype\nnoload => res_manager\n");
        SipPhoneKit.useSounds(conf);
        t = new TestPbx(conf);
        port = SipModule.get(t.pbx).stack().udpAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (t != null) t.close();
    }

    private void call(String exten) {
        try (Sipp desk = Sipp.scenario("uac-auth-hangup.xml").remote("127.0.0.1", port).service(exten)
                .auth(DESK1, "change-me-0001").key("desk", DESK1).calls(1)) {
            Sipp.Result r = desk.run(MAX);
            assertThat(r.ok()).as("the desk phone's call to %s: %s", exten, r).isTrue();
        }
    }

    @Test
    void star72ForwardsADeskAndStar73StopsIt() {
        call("*72100");
        assertThat(t.eval("${DB(CF/" + DESK1 + ")}")).isEqualTo("100");
        assertThat(t.said(DESK1 + " forwards calls to 100")).hasSize(1);

        call("201");
        await().atMost(Duration.ofSeconds(5)).until(() -> !t.path().isEmpty());
        assertThat(t.path()).containsExactly("@ 100 answered for " + DESK1);
        assertThat(t.said(DESK1 + " forwards to 100")).hasSize(1);

        call("*73");
        assertThat(t.eval("${DB_EXISTS(CF/" + DESK1 + ")}")).isEqualTo("0");
        assertThat(t.said(DESK1 + " no longer forwards calls (they went to: 100)")).hasSize(1);
    }

    @Test
    void theFileIsAFragmentThatLeavesTheSeedDialplansAlone() throws Exception {
        // the shipped extensions.conf is still the seed's, byte for byte; the fragment only adds to [phones]
        assertThat(Files.readString(Path.of("conf/extensions.conf"))).isEqualTo(Files.readString(Path.of("../shared/examples/extensions.conf")));
        assertThat(t.pbx.dialplan().context("phones").includes()).anyMatch(i -> i.context().equals("callforward"));
        assertThat(t.pbx.dialplan().find("phones", "106", 1, null)).isNotNull();
    }
}
