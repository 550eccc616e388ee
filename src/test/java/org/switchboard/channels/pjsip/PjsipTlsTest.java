package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.switchboard.channels.pjsip.PjsipPbxFixture.phone;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testing.Sipp;
import org.switchboard.testing.SocatTls;
import org.switchboard.testing.TestCertificates;

/**
 * pjsip.conf's {@code protocol=tls} transport with real OpenSSL peers: SIPp (Debian's is built
 * without TLS, so through socat's OpenSSL leg) registers and calls an endpoint over TLS, and the
 * PBX calls the registered contact back over TLS; a client whose certificate does not chain to
 * {@code ca_list_file} under {@code verify_client=yes}, and plaintext on the TLS port, are each
 * refused with one log line.
 */
class PjsipTlsTest {
    private static final Duration MAX = Duration.ofSeconds(60);
    private static final String DIALPLAN = """
        [phones]
        exten => 600,1,Answer()
         same => n,Set(GLOBAL(CALLER)=${CHANNEL(name)})
         same => n,Wait(10)
        exten => 700,1,Dial(PJSIP/alice,10)
        """;

    @TempDir Path dir;

    @BeforeAll
    static void tools() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestCertificates.installed(), "openssl is not installed");
    }

    private String pjsip(TestCertificates c, boolean verifyClient) {
        return """
            [transport-tls]
            type=transport
            protocol=tls
            bind=127.0.0.1:0
            cert_file=%s
            priv_key_file=%s
            ca_list_file=%s
            method=tlsv1_2
            verify_client=%s

            [phone](!)
            type=endpoint
            context=phones
            disallow=all
            allow=ulaw
            transport=transport-tls
            """.formatted(c.serverCert(), c.serverKey(), c.ca(), verifyClient ? "yes" : "no")
                + phone("alice", "phone")
                + phone("sipp", "phone");
    }

    /** A scenario of src/test/resources/sipp made to say TLS in its Via and Contact (SIPp's [transport] would say TCP). */
    private Path tlsScenario(String name) throws IOException {
        String xml = Files.readString(Sipp.SCENARIOS.resolve(name))
            .replace("SIP/2.0/[transport]", "SIP/2.0/TLS").replace("transport=[transport]", "transport=tls");
        return Files.writeString(dir.resolve("tls-" + name), xml);
    }

    @Test
    void sippRegistersAndCallsOverTlsAndThePbxCallsItsContactBackOverTls() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sipp.installed() && SocatTls.installed(), "sipp and socat are needed");
        TestCertificates c = TestCertificates.create(dir);
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, pjsip(c, true), DIALPLAN)) {
            int tls = f.stack().tlsAddress().getPort();
            assertThat(f.pbx.logLines("SIP TLS transport listening on 127.0.0.1:" + tls)).hasSize(1);
            int uasPort = SocatTls.freePort(), uasTlsPort = SocatTls.freePort();
            try (SocatTls out = SocatTls.client(SocatTls.freePort(), tls, c.clientPem(), c.ca());
                 Sipp phone = Sipp.scenario(tlsScenario("uas-basic.xml").toString()).tcp().localPort(uasPort).calls(1).start();
                 SocatTls in = SocatTls.server(uasTlsPort, uasPort, c.clientPem())) {
                // alice registers over TLS with her contact at the TLS leg in front of her phone
                try (Sipp reg = Sipp.scenario(tlsScenario("uac-register-contact.xml").toString()).tcp()
                        .remote("127.0.0.1", out.port()).service("alice").auth("alice", "alice-pw")
                        .key("contact_port", Integer.toString(uasTlsPort)).calls(1)) {
                    Sipp.Result r = reg.run(MAX);
                    assertThat(r.ok()).as("REGISTER over TLS: %s", r).isTrue();
                }
                assertThat(f.stack().registrar().contacts("alice")).singleElement()
                    .satisfies(b -> assertThat(b.transport()).isEqualTo("TLS"))
                    .satisfies(b -> assertThat(b.contact().port()).isEqualTo(uasTlsPort));
                // a phone calls 600 over TLS
                try (Sipp caller = Sipp.scenario(tlsScenario("uac-auth.xml").toString()).tcp().remote("127.0.0.1", out.port())
                        .service("600").auth("sipp", "sipp-pw").calls(1)) {
                    Sipp.Result r = caller.run(MAX);
                    assertThat(r.ok()).as("INVITE over TLS: %s", r).isTrue();
                }
                assertThat(f.pbx.pbx.globals().get("CALLER")).matches("PJSIP/sipp-[0-9a-f]{8}");
                // and is called: Dial(PJSIP/alice) opens a TLS connection to her contact
                f.cli("channel originate Local/700@phones application Wait 1");
                assertThat(phone.stop(MAX).ok()).as("alice's phone answered a call that came over TLS").isTrue();
                assertThat(f.pbx.logLines(" answered Local/700@phones")).singleElement()
                    .satisfies(l -> assertThat(l).contains("PJSIP/alice-"));
            }
        }
    }

    @Test
    void aClientCertificateNotFromTheCaListIsRefusedWithOneLogLine() throws Exception {
        TestCertificates c = TestCertificates.create(dir);
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, pjsip(c, true), DIALPLAN)) {
            int tls = f.stack().tlsAddress().getPort();
            // the trusted client is served...
            assertThat(options(c, c.clientCert(), c.clientKey(), tls)).startsWith("SIP/2.0 200");
            // ...a stranger's self-signed certificate is not
            InetSocketAddress[] local = new InetSocketAddress[1];
            assertThatThrownBy(() -> options(c, c.rogueCert(), c.rogueKey(), tls, local)).isInstanceOf(IOException.class);
            String who = "127.0.0.1:" + local[0].getPort();
            await().atMost(MAX).until(() -> !f.pbx.logLines("TLS handshake from " + who + " failed").isEmpty());
            assertThat(f.pbx.logLines(who)).as("one line about the refused client").hasSize(1)
                .allSatisfy(l -> assertThat(l).contains("connection closed"));
            assertThat(f.stack().registrar().contacts("alice")).isEmpty();
        }
    }

    @Test
    void plaintextOnTheTlsPortIsClosedWithOneLogLine() throws Exception {
        TestCertificates c = TestCertificates.create(dir);
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, pjsip(c, false), DIALPLAN);
             Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", f.stack().tlsAddress().getPort()));
            s.setSoTimeout(10_000);
            String who = "127.0.0.1:" + s.getLocalPort();
            s.getOutputStream().write(optionsRequest(s.getLocalPort()).getBytes(StandardCharsets.UTF_8));
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            int n = in.read(buf);
            assertThat(n <= 0 || !new String(buf, 0, n, StandardCharsets.ISO_8859_1).contains("SIP/2.0"))
                .as("no SIP answer to plaintext").isTrue();
            await().atMost(MAX).until(() -> !f.pbx.logLines("TLS handshake from " + who + " failed").isEmpty());
            assertThat(f.pbx.logLines(who)).singleElement().satisfies(l -> assertThat(l).contains("not TLS"));
            // the listener serves the next client
            assertThat(options(c, null, null, f.stack().tlsAddress().getPort())).startsWith("SIP/2.0 200");
        }
    }

    @Test
    void aTlsTransportWithoutItsCertificateIsOneErrorAndTheRestRuns() throws Exception {
        String conf = """
            [transport-tls]
            type=transport
            protocol=tls
            bind=127.0.0.1:0
            cert_file=%s
            """.formatted(dir.resolve("missing.pem"));
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, conf, DIALPLAN)) {
            assertThat(f.stack().tlsAddress()).isNull();
            assertThat(f.pbx.logLines("TLS transport not started")).singleElement()
                .satisfies(l -> assertThat(l).contains("pjsip.conf:").contains("missing.pem").contains("cannot be read"));
            assertThat(f.stack().udpAddress()).isNotNull();
        }
    }

    private static String options(TestCertificates c, Path cert, Path key, int port) throws Exception {
        return options(c, cert, key, port, new InetSocketAddress[1]);
    }

    /** An OPTIONS over TLS from a JDK client presenting {@code cert} (null: none); the response's first line. */
    private static String options(TestCertificates c, Path cert, Path key, int port, InetSocketAddress[] local) throws Exception {
        try (SSLSocket s = (SSLSocket) c.clientContext(cert, key).getSocketFactory().createSocket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port));
            local[0] = (InetSocketAddress) s.getLocalSocketAddress();
            s.setSoTimeout(10_000);
            s.startHandshake();
            s.getOutputStream().write(optionsRequest(s.getLocalPort()).getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            byte[] buf = new byte[8192];
            int n = s.getInputStream().read(buf);
            if (n <= 0) throw new IOException("closed without an answer");
            String resp = new String(buf, 0, n, StandardCharsets.UTF_8);
            return resp.substring(0, resp.indexOf("\r\n"));
        }
    }

    private static String optionsRequest(int fromPort) {
        return ("OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TLS 127.0.0.1:" + fromPort + ";branch=z9hG4bK" + System.nanoTime()
            + "\r\nMax-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=p1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: tls-" + System.nanoTime()
            + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
    }
}
