package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.pjsip.config.PjsipConfig;
import org.switchboard.channels.pjsip.config.PjsipSettings;
import org.switchboard.channels.sip.config.SipConfig;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.config.ConfigReader;
import org.switchboard.testing.TestPbx;

/** sip_to_pjsip: the shipped sip.conf, and a trunk with a register line, convert to a pjsip.conf the reader takes whole, with the same peers. */
class SipToPjsipTest {
    @TempDir Path dir;

    private static PjsipSettings reread(String pjsip) {
        return PjsipConfig.read(ConfigReader.parse("pjsip.conf", pjsip, Path.of(".")));
    }

    @Test
    void theShippedSipConfConvertsToAPjsipConfWithTheSamePeers() throws Exception {
        Path conf = Path.of("conf");
        SipSettings sip = SipConfig.read(ConfigReader.read(conf, "sip.conf"));
        PjsipSettings p = reread(SipToPjsip.convert(sip));
        assertThat(p.problems()).isEmpty();
        assertThat(p.endpoints().keySet()).containsExactlyElementsOf(sip.peers().values().stream().map(x -> x.name()).toList());
        for (var peer : sip.peers().values()) {
            var e = p.endpoint(peer.name());
            assertThat(e.context()).isEqualTo(peer.context());
            assertThat(e.codecs()).isEqualTo(peer.codecs());
            assertThat(p.auth(e.auth()).password()).isEqualTo(peer.secret());
            assertThat(p.aor(peer.name()).maxContacts()).isEqualTo(1);
        }
    }

    @Test
    void aTrunkWithARegisterLineBecomesEndpointIdentifyAndRegistration() throws Exception {
        Files.writeString(dir.resolve("sip.conf"), """
            [general]
            udpbindaddr=127.0.0.1:0
            register => acct42:provider-secret@127.0.0.1:5099/inbound~300
            [provider]
            type=peer
            host=127.0.0.1
            port=5099
            secret=provider-secret
            context=from-trunk
            allow=ulaw
            qualify=yes
            permit=127.0.0.0/8
            """);
        Files.writeString(dir.resolve("modules.conf"), "[modules]\nautoload=yes\nnoload => chan_skype\nnoload => res_manager\n");
        try (TestPbx t = new TestPbx(dir)) {
            var out = new java.io.StringWriter();
            new org.switchboard.res.cli.CliDispatcher(t.pbx).execute("sip_to_pjsip", new java.io.PrintWriter(out, true));
            String text = out.toString();
            assertThat(text).contains("[transport-udp]\ntype=transport\nprotocol=udp\nbind=127.0.0.1:0\n")
                .contains("; sip.conf had permit/deny/acl here");
            PjsipSettings p = reread(text);
            assertThat(p.problems()).isEmpty();
            assertThat(p.endpoint("provider").outboundAuth()).isEqualTo("provider");
            assertThat(p.aor("provider").contacts()).containsExactly("sip:127.0.0.1:5099");
            assertThat(p.aor("provider").qualifyFrequency()).isEqualTo(60);
            assertThat(p.identifies()).singleElement().satisfies(i -> assertThat(i.endpoint()).isEqualTo("provider"));
            assertThat(p.registrations()).singleElement().satisfies(r -> {
                assertThat(r.serverUri()).isEqualTo("sip:127.0.0.1:5099");
                assertThat(r.clientUri()).isEqualTo("sip:acct42@127.0.0.1");
                assertThat(r.contactUser()).isEqualTo("inbound");
                assertThat(r.expiration()).isEqualTo(300);
                assertThat(p.auth(r.outboundAuth()).username()).isEqualTo("acct42");
            });
        }
    }

    @Test
    void problemsInSipConfAreListedAsCommentsAfterTheConversion() throws Exception {
        Files.writeString(dir.resolve("sip.conf"), "[general]\nudpbindaddr=127.0.0.1:0\n[desk]\ntype=friend\nhost=dynamic\ndtmfmode=smoke\n");
        Files.writeString(dir.resolve("modules.conf"), "[modules]\nautoload=yes\nnoload => chan_skype\nnoload => res_manager\n");
        try (TestPbx t = new TestPbx(dir)) {
            var out = new java.io.StringWriter();
            new org.switchboard.res.cli.CliDispatcher(t.pbx).execute("sip_to_pjsip", new java.io.PrintWriter(out, true));
            assertThat(out.toString()).contains("[desk]\ntype=endpoint\n")
                .contains("; sip.conf had 1 problem(s); what they concern was left as read:\n;   sip.conf:6: bad dtmfmode 'smoke'");
            assertThat(reread(out.toString()).problems()).isEmpty();
        }
    }
}
