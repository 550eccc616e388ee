package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testing.Sipp;

/** Call records of real SIP calls: SIPp calls the PBX, which dials another SIPp, and Master.csv shows it. */
class SipCdrTest {
    private static final Duration MAX = Duration.ofSeconds(30);

    @TempDir Path dir;

    @BeforeAll
    static void sippInstalled() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sipp.installed(), "sipp (Debian sip-tester) is not installed");
    }

    @Test
    void aSipCallBridgedToAnotherSipPhoneIsOneAnsweredLineWithBothChannels() throws Exception {
        Files.writeString(dir.resolve("asterisk.conf"), "[directories]\nastlogdir => log\n");
        Files.writeString(dir.resolve("cdr.conf"), "[general]\n[csv]\nloguniqueid = yes\n");
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls", "", """
                [calls]
                exten => 200,1,Dial(SIP/callee@127.0.0.1:${UAS_PORT},10)
                """);
             Sipp callee = Sipp.scenario("uas-basic.xml").calls(1).start()) {
            f.pbx.pbx.globals().put("UAS_PORT", Integer.toString(callee.localPort()));
            try (Sipp caller = Sipp.scenario("uac-basic.xml").remote("127.0.0.1", f.port()).service("200").calls(1)) {
                Sipp.Result r = caller.run(MAX);
                assertThat(r.ok()).as("%s", r).isTrue();
            }
            assertThat(callee.stop(MAX).ok()).isTrue();
            Path master = dir.resolve("log/cdr-csv/Master.csv");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(master) && !Files.readAllLines(master).isEmpty());
            await().atMost(Duration.ofSeconds(5)).until(() -> f.channels("SIP/") == 0);
            List<String> lines = Files.readAllLines(master, StandardCharsets.UTF_8);
            String date = "\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\"";
            // the dialed SIP channel has no line of its own: one line, the caller's, with it as dstchannel
            assertThat(lines).singleElement().asString().matches("\"\",\"sipp\",\"200\",\"calls\",\"\"\"[^\"]*\"\" <sipp>\","
                    + "\"SIP/[^\"]+-[0-9a-f]{8}\",\"SIP/[^\"]+-[0-9a-f]{8}\",\"Dial\",\"SIP/callee@127\\.0\\.0\\.1:\\d+,10\","
                    + date + "," + date + "," + date + ",[12],[01],\"ANSWERED\",\"DOCUMENTATION\",\"[0-9.]+\"");
        }
    }
}
