package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.pjsip.config.PjsipConfig;
import org.switchboard.channels.pjsip.config.PjsipSettings;
import org.switchboard.channels.sip.SipPbxFixture;
import org.switchboard.channels.sip.SipPbxFixture.RawPeer;
import org.switchboard.config.ConfigProblem;
import org.switchboard.config.ConfigReader;

/**
 * pjsip.conf's {@code type=registration} against a raw registrar on loopback: the REGISTER goes to
 * server_uri with client_uri as the address of record and contact_user in Contact, a 401 is
 * answered with the outbound_auth, a 403 waits forbidden_retry_interval (or is final), and
 * {@code pjsip show registrations} says where each stands.
 */
class PjsipRegistrationTest {
    @TempDir Path dir;

    private static String conf(int registrarPort, String extra) {
        return """
            [trunk-auth]
            type=auth
            username=acct42
            password=provider-secret

            [trunk-reg]
            type=registration
            server_uri=sip:127.0.0.1:%d
            client_uri=sip:acct42@127.0.0.1
            outbound_auth=trunk-auth
            contact_user=inbound
            expiration=120
            retry_interval=1
            %s
            """.formatted(registrarPort, extra);
    }

    private static String next(RawPeer registrar) throws Exception { return next(registrar, null); }

    /** The next REGISTER that is not a retransmission of {@code previous}. */
    private static String next(RawPeer registrar, String previous) throws Exception {
        String seen = previous == null ? null : SipPbxFixture.header(previous, "CSeq:");
        for (String m; (m = registrar.receive(Duration.ofSeconds(5))) != null; ) {
            if (m.startsWith("REGISTER ") && !SipPbxFixture.header(m, "CSeq:").equals(seen)) return m;
        }
        throw new AssertionError("no new REGISTER within 5 s");
    }

    @Test
    void pjsipSendUnregisterAndRegisterFromTheConsole() throws Exception {
        try (RawPeer registrar = new RawPeer();
             PjsipPbxFixture f = PjsipPbxFixture.start(dir, "", "")) {
            java.nio.file.Files.writeString(dir.resolve("pjsip.conf"), PjsipPbxFixture.TRANSPORT + conf(registrar.port(), ""));
            assertThat(f.cli("pjsip reload")).isEmpty();
            String first = next(registrar);
            registrar.send(f.port(), SipPbxFixture.respond(first, 200, "OK", "reg1",
                SipPbxFixture.header(first, "Contact:") + ";expires=120\n"));
            await().atMost(Duration.ofSeconds(5)).until(() -> f.cli("pjsip show registrations").contains("Registered"));

            assertThat(f.cli("pjsip send unregister trunk-reg")).isEmpty();
            String bye = next(registrar, first);
            assertThat(SipPbxFixture.header(bye, "Expires:")).isEqualTo("Expires: 0");
            registrar.send(f.port(), SipPbxFixture.respond(bye, 200, "OK", "reg1", ""));
            await().atMost(Duration.ofSeconds(5)).until(() -> f.cli("pjsip show registrations").contains("Unregistered"));

            assertThat(f.cli("pjsip send register *all")).isEqualTo("Re-register all queued\n");
            assertThat(SipPbxFixture.header(next(registrar, bye), "Expires:")).isEqualTo("Expires: 120");

            assertThat(f.cli("pjsip send register no-such-reg")).isEqualTo("Unable to retrieve registration no-such-reg\n");
            assertThat(f.cli("pjsip send unregister")).contains("Usage: pjsip send unregister <registration> | *all");
        }
    }

    @Test
    void challengedThenRegisteredWithTheOutboundAuth() throws Exception {
        try (RawPeer registrar = new RawPeer();
             PjsipPbxFixture f = PjsipPbxFixture.start(dir, "", "")) {
            // the registrar's port is known only now: write it and reload
            java.nio.file.Files.writeString(dir.resolve("pjsip.conf"), PjsipPbxFixture.TRANSPORT + conf(registrar.port(), ""));
            assertThat(f.cli("pjsip reload")).isEmpty();
            String first = next(registrar);
            assertThat(first).startsWith("REGISTER sip:127.0.0.1:" + registrar.port() + " SIP/2.0\r\n");
            assertThat(SipPbxFixture.header(first, "To:")).contains("<sip:acct42@127.0.0.1>");
            assertThat(SipPbxFixture.header(first, "Contact:")).contains("<sip:inbound@127.0.0.1:" + f.port() + ">");
            assertThat(SipPbxFixture.header(first, "Expires:")).isEqualTo("Expires: 120");
            registrar.send(f.port(), SipPbxFixture.respond(first, 401, "Unauthorized", "reg1",
                "WWW-Authenticate: Digest realm=\"provider\", nonce=\"n1\", algorithm=MD5\n"));
            String second = next(registrar, first);
            assertThat(SipPbxFixture.header(second, "Authorization:")).contains("username=\"acct42\"").contains("realm=\"provider\"")
                .contains("uri=\"sip:127.0.0.1:" + registrar.port() + "\"");
            String contact = SipPbxFixture.header(second, "Contact:").substring("Contact: ".length());
            registrar.send(f.port(), SipPbxFixture.respond(second, 200, "OK", "reg1", "Contact: " + contact + ";expires=120\n"));
            await().atMost(Duration.ofSeconds(5)).until(() -> f.cli("pjsip show registrations").contains("Registered"));
            assertThat(f.cli("pjsip show registrations"))
                .containsPattern(" trunk-reg/sip:127.0.0.1:" + registrar.port() + " +trunk-auth +Registered +\\(exp\\. 1[12]\\ds\\)")
                .contains("Objects found: 1");
        }
    }

    @Test
    void aForbiddenRegistrationIsTriedAgainAfterForbiddenRetryInterval() throws Exception {
        try (RawPeer registrar = new RawPeer();
             PjsipPbxFixture f = PjsipPbxFixture.start(dir, "", "")) {
            java.nio.file.Files.writeString(dir.resolve("pjsip.conf"), PjsipPbxFixture.TRANSPORT
                + conf(registrar.port(), "forbidden_retry_interval=1"));
            assertThat(f.cli("pjsip reload")).isEmpty();
            String first = next(registrar);
            registrar.send(f.port(), SipPbxFixture.respond(first, 403, "Forbidden", "reg1", ""));
            await().atMost(Duration.ofSeconds(5)).until(() -> f.cli("pjsip show registrations").contains("Rejected"));
            String again = next(registrar, first);
            assertThat(SipPbxFixture.header(again, "Call-ID:")).isEqualTo(SipPbxFixture.header(first, "Call-ID:"));
            assertThat(f.pbx.logLines("got 403 Forbidden, trying again in 1 s")).isNotEmpty();
        }
    }

    @Test
    void aForbiddenRegistrationWithoutForbiddenRetryIntervalIsFinal() throws Exception {
        try (RawPeer registrar = new RawPeer();
             PjsipPbxFixture f = PjsipPbxFixture.start(dir, "", "")) {
            java.nio.file.Files.writeString(dir.resolve("pjsip.conf"), PjsipPbxFixture.TRANSPORT + conf(registrar.port(), ""));
            assertThat(f.cli("pjsip reload")).isEmpty();
            String first = next(registrar);
            registrar.send(f.port(), SipPbxFixture.respond(first, 403, "Forbidden", "reg1", ""));
            await().atMost(Duration.ofSeconds(5)).until(() -> !f.pbx.logLines("Forbidden - wrong password").isEmpty());
            assertThat(f.cli("pjsip show registrations")).contains("Rejected");
            assertThat(f.module().registrations().registry().clients()).singleElement()
                .satisfies(c -> assertThat(c.lastError()).isEqualTo("403 Forbidden"));
        }
    }

    @Test
    void missingReferencesAndBadUrisAreProblemsAtTheirLine() {
        PjsipSettings s = PjsipConfig.read(ConfigReader.parse("pjsip.conf", """
            [udp]
            type=transport
            [a]
            type=registration
            server_uri=sip:provider.example.com
            client_uri=sip:me@provider.example.com
            outbound_auth=nope
            [b]
            type=registration
            server_uri=http://provider.example.com
            client_uri=sip:me@provider.example.com
            [c]
            type=registration
            server_uri=sip:provider.example.com
            client_uri=sip:provider.example.com
            [d]
            type=registration
            server_uri=sip:provider.example.com
            client_uri=sip:me@provider.example.com
            transport=tcp-missing
            retry_interval=soon
            """, Path.of(".")));
        assertThat(s.problems()).extracting(ConfigProblem::toString).containsExactly(
            "pjsip.conf:10: bad server_uri 'http://provider.example.com' (a sip: URI such as sip:provider.example.com)",
            "pjsip.conf:8: registration [b] has no usable server_uri; not loaded",
            "pjsip.conf:12: registration [c]: client_uri 'sip:provider.example.com' has no user part (sip:user@domain); not loaded",
            "pjsip.conf:21: bad value 'soon' for retry_interval (a number from 1 to 86400)",
            "pjsip.conf:7: registration 'a' names outbound_auth 'nope', which does not exist; registration not loaded",
            "pjsip.conf:20: registration 'd' names transport 'tcp-missing', which does not exist; registration not loaded");
        assertThat(s.registrations()).isEmpty();
    }
}
