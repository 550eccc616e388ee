package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testing.Sipp;
import org.switchboard.testing.SocatTls;
import org.switchboard.testing.TestCertificates;

/**
 * sip.conf's TLS ({@code tlsenable}, a peer with {@code transport=tls}) with SIPp through socat's
 * OpenSSL leg: the peer registers and calls over TLS, and Dial(SIP/peer) reaches its registered
 * contact over TLS. The certificate and key share one file, chan_sip's default for
 * {@code tlsprivatekey}.
 */
class SipTlsSippTest {
    private static final Duration MAX = Duration.ofSeconds(60);
    private static final String DIALPLAN = """
        [phones]
        exten => 600,1,Answer()
         same => n,Set(GLOBAL(CALLER)=${CHANNEL(name)})
         same => n,Wait(10)
        exten => 700,1,Dial(SIP/sipp,10)
        """;

    @TempDir Path dir;

    @BeforeAll
    static void tools() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sipp.installed() && SocatTls.installed() && TestCertificates.installed(),
            "sipp, socat and openssl are needed");
    }

    private Path tlsScenario(String name) throws IOException {
        String xml = Files.readString(Sipp.SCENARIOS.resolve(name))
            .replace("SIP/2.0/[transport]", "SIP/2.0/TLS").replace("transport=[transport]", "transport=tls");
        return Files.writeString(dir.resolve("tls-" + name), xml);
    }

    @Test
    void aTlsPeerRegistersCallsAndIsCalledOverTls() throws Exception {
        TestCertificates c = TestCertificates.create(dir);
        String general = "allowguest=no\ntlsenable=yes\ntlsbindaddr=127.0.0.1:0\ntlscertfile=" + c.serverPem()
            + "\ntlscafile=" + c.ca() + "\ntlsdontverifyserver=yes\n";
        String peers = "[sipp]\ntype=friend\nhost=dynamic\nsecret=sipp-pw\ncontext=phones\ntransport=tls\nnat=no\ndisallow=all\nallow=ulaw\n";
        try (SipPbxFixture f = SipPbxFixture.start(dir, general, peers, DIALPLAN)) {
            int tls = f.stack().tlsAddress().getPort();
            int uasPort = SocatTls.freePort(), uasTlsPort = SocatTls.freePort();
            try (SocatTls out = SocatTls.client(SocatTls.freePort(), tls, c.clientPem(), c.ca());
                 Sipp phone = Sipp.scenario(tlsScenario("uas-basic.xml").toString()).tcp().localPort(uasPort).calls(1).start();
                 SocatTls in = SocatTls.server(uasTlsPort, uasPort, c.clientPem())) {
                try (Sipp reg = Sipp.scenario(tlsScenario("uac-register-contact.xml").toString()).tcp()
                        .remote("127.0.0.1", out.port()).service("sipp").auth("sipp", "sipp-pw")
                        .key("contact_port", Integer.toString(uasTlsPort)).calls(1)) {
                    Sipp.Result r = reg.run(MAX);
                    assertThat(r.ok()).as("REGISTER over TLS: %s", r).isTrue();
                }
                assertThat(f.stack().registrar().contacts("sipp")).singleElement()
                    .satisfies(b -> assertThat(b.transport()).isEqualTo("TLS"));
                try (Sipp caller = Sipp.scenario(tlsScenario("uac-auth.xml").toString()).tcp().remote("127.0.0.1", out.port())
                        .service("600").auth("sipp", "sipp-pw").calls(1)) {
                    Sipp.Result r = caller.run(MAX);
                    assertThat(r.ok()).as("INVITE over TLS: %s", r).isTrue();
                }
                assertThat(f.pbx.pbx.globals().get("CALLER")).matches("SIP/sipp-[0-9a-f]{8}");
                var out700 = new java.io.StringWriter();
                new org.switchboard.res.cli.CliDispatcher(f.pbx.pbx)
                    .execute("channel originate Local/700@phones application Wait 1", new java.io.PrintWriter(out700, true));
                assertThat(phone.stop(MAX).ok()).as("the phone answered a call that came over TLS").isTrue();
                await().atMost(MAX).until(() -> !f.pbx.logLines(" answered Local/700@phones").isEmpty());
                assertThat(f.pbx.logLines(" answered Local/700@phones")).singleElement()
                    .satisfies(l -> assertThat(l).contains("SIP/sipp-"));
            }
        }
    }
}
