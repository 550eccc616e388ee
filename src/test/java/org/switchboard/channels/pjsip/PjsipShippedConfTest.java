package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.pjsip.config.PjsipConfig;
import org.switchboard.channels.pjsip.config.PjsipSettings;
import org.switchboard.config.ConfigReader;
import org.switchboard.testing.Sipp;
import org.switchboard.testing.TestPbx;

/** conf/pjsip.conf: sip.conf's desk phones as PJSIP endpoints, read without a problem, noloaded by default, and a desk phone registers. */
class PjsipShippedConfTest {
    @TempDir Path dir;

    @Test
    void theShippedFileHasTheDeskPhonesAndIsNotLoadedByDefault() throws Exception {
        PjsipSettings s = PjsipConfig.read(ConfigReader.read(Path.of("conf"), "pjsip.conf"));
        assertThat(s.problems()).isEmpty();
        assertThat(s.endpoints()).containsOnlyKeys("0000FFFF0001", "0000FFFF0002");
        assertThat(s.endpoint("0000FFFF0001").context()).isEqualTo("phones");
        assertThat(s.auth("0000FFFF0002").password()).isEqualTo("change-me-0002");
        assertThat(new PjsipModule().check(Path.of("conf"))).isEmpty();
        // the shipped folder as it is: chan_sip has 5060, chan_pjsip stays out of its way
        for (String f : new String[] {"pjsip.conf", "modules.conf"}) Files.copy(Path.of("conf", f), dir.resolve(f));
        Files.writeString(dir.resolve("extensions.conf"), "");
        try (TestPbx pbx = new TestPbx(dir)) {
            assertThat(PjsipModule.get(pbx.pbx)).isNull();
        }
    }

    @Test
    void aDeskPhoneRegistersWithTheShippedFile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sipp.installed(), "sipp (Debian sip-tester) is not installed");
        String conf = Files.readString(Path.of("conf/pjsip.conf")).replace("bind=0.0.0.0:5060", "bind=127.0.0.1:0");
        Files.writeString(dir.resolve("pjsip.conf"), conf);
        Files.writeString(dir.resolve("extensions.conf"), "[phones]\n");
        Files.writeString(dir.resolve("rtp.conf"), "[general]\nrtpstart=23000\nrtpend=24998\n");
        Files.writeString(dir.resolve("modules.conf"), "[modules]\nautoload=yes\nnoload => chan_skype\nnoload => res_manager\n");
        try (TestPbx pbx = new TestPbx(dir);
             Sipp phone = Sipp.scenario("uac-register.xml").remote("127.0.0.1", PjsipModule.get(pbx.pbx).stack().udpAddress().getPort())
                 .service("0000FFFF0001").auth("0000FFFF0001", "change-me-0001").calls(1)) {
            assertThat(phone.run(Duration.ofSeconds(60)).ok()).isTrue();
            assertThat(PjsipModule.get(pbx.pbx).stack().registrar().contacts("0000FFFF0001")).hasSize(1);
        }
    }
}
