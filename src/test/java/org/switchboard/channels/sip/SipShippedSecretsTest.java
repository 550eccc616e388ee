package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.pjsip.PjsipModule;
import org.switchboard.testing.Sipp;
import org.switchboard.testing.TestPbx;

/**
 * The shipped sip.conf and pjsip.conf, as a newcomer runs them (bound to loopback here): the
 * start-up log says which peers still have a sample secret, and a desk phone on this host still
 * registers with one (from 127.0.0.1; a public address is refused, see ShippedSecretsTest).
 */
class SipShippedSecretsTest {
    @TempDir Path dir;

    private void common() throws Exception {
        Files.writeString(dir.resolve("extensions.conf"), "[phones]\nexten => 100,1,Answer()\n");
        Files.writeString(dir.resolve("rtp.conf"), "[general]\nrtpstart=21000\nrtpend=22998\n");
    }

    @Test void sipConfSaysSoAtStartAndAPhoneOnThisHostStillRegisters() throws Exception {
        assumeTrue(Sipp.installed(), "sipp (Debian sip-tester) is not installed");
        common();
        Files.writeString(dir.resolve("sip.conf"), Files.readString(Path.of("conf/sip.conf"))
            .replace("udpbindaddr=0.0.0.0:5060", "udpbindaddr=127.0.0.1:0"));
        Files.writeString(dir.resolve("modules.conf"), "[modules]\nautoload=yes\nnoload => chan_skype\nnoload => res_manager\n"
            + "noload => chan_pjsip\n");
        try (TestPbx pbx = new TestPbx(dir)) {
            SipStack stack = SipModule.get(pbx.pbx).stack();
            assertThat(pbx.logLines("still has the sample secret")).hasSize(2).anySatisfy(l -> assertThat(l).endsWith(
                "chan_sip.c: sip.conf: peer 0000FFFF0001 still has the sample secret; accepted only from loopback and private networks"))
                .anySatisfy(l -> assertThat(l).endsWith("sip.conf: peer 0000FFFF0002 still has the sample secret; "
                    + "accepted only from loopback and private networks"));
            try (Sipp phone = Sipp.scenario("uac-register.xml").remote("127.0.0.1", stack.udpAddress().getPort())
                    .service("0000FFFF0001").auth("0000FFFF0001", "change-me-0001").calls(1)) {
                assertThat(phone.run(Duration.ofSeconds(60)).ok()).isTrue();
            }
            assertThat(stack.registrar().contacts("0000FFFF0001")).hasSize(1);
            assertThat(pbx.logLines("accepted only from loopback")).hasSize(2); // nothing refused
        }
    }

    @Test void pjsipConfSaysSoAtStartAndAPhoneOnThisHostStillRegisters() throws Exception {
        assumeTrue(Sipp.installed(), "sipp (Debian sip-tester) is not installed");
        common();
        Files.writeString(dir.resolve("pjsip.conf"), Files.readString(Path.of("conf/pjsip.conf"))
            .replace("bind=0.0.0.0:5060", "bind=127.0.0.1:0"));
        Files.writeString(dir.resolve("modules.conf"), "[modules]\nautoload=yes\nnoload => chan_skype\nnoload => res_manager\n"
            + "noload => chan_sip\n");
        try (TestPbx pbx = new TestPbx(dir)) {
            SipStack stack = PjsipModule.get(pbx.pbx).stack();
            assertThat(pbx.logLines("still has the sample secret")).hasSize(2).anySatisfy(l -> assertThat(l).endsWith(
                "res_pjsip.c: pjsip.conf: endpoint 0000FFFF0001 still has the sample secret; accepted only from loopback and private networks"))
                .anySatisfy(l -> assertThat(l).contains("pjsip.conf: endpoint 0000FFFF0002 still has the sample secret"));
            try (Sipp phone = Sipp.scenario("uac-register.xml").remote("127.0.0.1", stack.udpAddress().getPort())
                    .service("0000FFFF0001").auth("0000FFFF0001", "change-me-0001").calls(1)) {
                assertThat(phone.run(Duration.ofSeconds(60)).ok()).isTrue();
            }
            assertThat(stack.registrar().contacts("0000FFFF0001")).hasSize(1);
        }
    }

    @Test void onlyThePeersStillOnASampleAreNamed() throws Exception {
        common();
        Files.writeString(dir.resolve("sip.conf"), "[general]\nudpbindaddr=127.0.0.1:0\n[desk](!)\ntype=friend\nhost=dynamic\n"
            + "[changed](desk)\nsecret=not-from-the-readme\n[forgotten](desk)\nsecret=change-me-0002\n");
        Files.writeString(dir.resolve("modules.conf"), "[modules]\nautoload=yes\nnoload => chan_skype\nnoload => res_manager\n"
            + "noload => chan_pjsip\n");
        try (TestPbx pbx = new TestPbx(dir)) {
            assertThat(SipModule.get(pbx.pbx)).isNotNull();
            assertThat(pbx.logLines("sample secret")).singleElement().asString()
                .endsWith("sip.conf: peer forgotten still has the sample secret; accepted only from loopback and private networks");
        }
    }
}
