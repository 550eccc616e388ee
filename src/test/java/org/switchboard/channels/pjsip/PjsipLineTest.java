package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.SipPbxFixture;
import org.switchboard.channels.sip.SipPbxFixture.RawPeer;
import org.switchboard.testing.Sipp;

/**
 * {@code type=registration} with {@code line=yes} and {@code endpoint=}: the REGISTER's Contact
 * carries a {@code line} parameter, and a provider's INVITE to that contact (the line in its
 * Request-URI) is taken into the named endpoint's context, with no identify by address.
 */
class PjsipLineTest {
    private static final Duration MAX = Duration.ofSeconds(30);

    @TempDir Path dir;

    private static String conf(int registrarPort) {
        return """
            [trunk-reg]
            type=registration
            server_uri=sip:127.0.0.1:%d
            client_uri=sip:acct42@127.0.0.1
            contact_user=inbound
            expiration=120
            line=yes
            endpoint=provider

            [provider]
            type=endpoint
            context=from-provider
            allow=ulaw
            """.formatted(registrarPort);
    }

    private static final String DIALPLAN = """
        [from-provider]
        exten => inbound,1,Set(GLOBAL(IN)=${CHANNEL(name)})
         same => n,Answer()
         same => n,Wait(5)
        """;

    /** Registers through a raw registrar; returns the line token our Contact carried. */
    private static String register(RawPeer registrar, PjsipPbxFixture f) throws Exception {
        String first = null;
        for (String m; (m = registrar.receive(Duration.ofSeconds(5))) != null; ) {
            if (m.startsWith("REGISTER ")) {
                first = m;
                break;
            }
        }
        assertThat(first).isNotNull();
        String contact = SipPbxFixture.header(first, "Contact:");
        Matcher line = Pattern.compile("<sip:inbound@127\\.0\\.0\\.1:" + f.port() + ";line=([a-z]{8})>").matcher(contact);
        assertThat(line.find()).as(contact).isTrue();
        registrar.send(f.port(), SipPbxFixture.respond(first, 200, "OK", "reg1", contact + ";expires=120\n"));
        await().atMost(Duration.ofSeconds(5)).until(() -> f.cli("pjsip show registrations").contains("Registered"));
        return line.group(1);
    }

    @Test
    void theProvidersCallToTheLineGoesToTheEndpointsContext() throws Exception {
        try (RawPeer registrar = new RawPeer(); PjsipPbxFixture f = PjsipPbxFixture.start(dir, "", DIALPLAN)) {
            Files.writeString(dir.resolve("pjsip.conf"), PjsipPbxFixture.TRANSPORT + conf(registrar.port()));
            assertThat(f.cli("pjsip reload")).isEmpty();
            String line = register(registrar, f);
            Path scenario = dir.resolve("uac-line.xml");
            Files.writeString(scenario, Files.readString(Sipp.SCENARIOS.resolve("uac-basic.xml")).replace(
                "INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0", "INVITE sip:[service]@[remote_ip]:[remote_port];line=[line] SIP/2.0"));
            try (Sipp provider = Sipp.scenario(scenario.toAbsolutePath().toString()).remote("127.0.0.1", f.port())
                    .service("inbound").key("line", line).calls(1)) {
                Sipp.Result r = provider.run(MAX);
                assertThat(r.ok()).as("%s", r).isTrue();
            }
            assertThat(f.pbx.pbx.globals().get("IN")).startsWith("PJSIP/provider-");
        }
    }

    @Test
    void aLineNoRegistrationGaveIsNotTrusted() throws Exception {
        try (RawPeer registrar = new RawPeer(); RawPeer stranger = new RawPeer(SipPbxFixture.nextLoopback());
             PjsipPbxFixture f = PjsipPbxFixture.start(dir, "", DIALPLAN)) {
            Files.writeString(dir.resolve("pjsip.conf"), PjsipPbxFixture.TRANSPORT + conf(registrar.port()));
            assertThat(f.cli("pjsip reload")).isEmpty();
            String line = register(registrar, f);
            String wrong = line.equals("aaaaaaaa") ? "bbbbbbbb" : "aaaaaaaa";
            stranger.send(f.port(), SipPbxFixture.invite(f.port(), stranger.port(), "+15551234", "inbound", "line-1@test", "")
                .replaceFirst(" SIP/2.0\n", ";line=" + wrong + " SIP/2.0\n"));
            assertThat(stranger.finalResponse(Duration.ofSeconds(5), "line-1@test")).startsWith("SIP/2.0 401");
            assertThat(f.pbx.pbx.globals().get("IN")).isNull();
        }
    }
}
