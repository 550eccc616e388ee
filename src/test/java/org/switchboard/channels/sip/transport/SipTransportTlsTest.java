package org.switchboard.channels.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.message.SipLimits;
import org.switchboard.channels.sip.message.SipMessage;
import org.switchboard.channels.sip.message.SipParser;
import org.switchboard.core.PbxLog;
import org.switchboard.testing.TestCertificates;

/**
 * Two TLS transports talking to each other (RFC 3261 §26.3.1): a message crosses and arrives
 * marked TLS; with {@code verify_server} a server whose certificate chains to the CA list and
 * names the address is reached, one that does not is refused with one log line and the
 * sender told; a certificate file that cannot be read fails at build, naming it.
 */
class SipTransportTlsTest {
    private record Received(SipMessage message, Endpoint source) {}

    @TempDir Path dir;
    private TestCertificates certs;
    private final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Consumer<PbxLog.Line> sink = l -> log.add(l.text());
    private TcpSipTransport server;

    @BeforeEach
    void start() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestCertificates.installed(), "openssl is not installed");
        certs = TestCertificates.create(dir);
        PbxLog.addSink(sink);
        server = TcpSipTransport.bindTls(new InetSocketAddress("127.0.0.1", 0), (m, s) -> inbox.add(new Received(m, s)),
            TcpLimits.DEFAULT, SipLimits.DEFAULT, TlsContexts.of(settings(certs.serverCert(), certs.serverKey(), null, false)));
    }

    @AfterEach
    void stop() {
        PbxLog.removeSink(sink);
        if (server != null) server.close();
    }

    private static TlsSettings settings(Path cert, Path key, Path ca, boolean verifyServer) {
        return new TlsSettings("127.0.0.1", 0, cert, key, ca, TlsSettings.ANY, false, false, verifyServer, "test:1");
    }

    private static SipMessage options(String branch) {
        String text = SipTransportUdpTest.options(branch, "127.0.0.1:5061;transport=tls", "").replace("SIP/2.0/UDP", "SIP/2.0/TLS");
        return ((org.switchboard.channels.sip.message.ParseResult.Ok) new SipParser(SipLimits.DEFAULT)
            .parse(text.getBytes(StandardCharsets.UTF_8))).message();
    }

    @Test
    void aVerifiedServerIsReachedAndTheMessageArrivesOverTls() throws Exception {
        try (TcpSipTransport client = TcpSipTransport.bindTls(new InetSocketAddress("127.0.0.1", 0), (m, s) -> { },
                TcpLimits.DEFAULT, SipLimits.DEFAULT, TlsContexts.of(settings(certs.clientCert(), certs.clientKey(), certs.ca(), true)))) {
            assertThat(client.protocol()).isEqualTo(Protocol.TLS);
            CompletableFuture<Throwable> failed = new CompletableFuture<>();
            client.send(options("z9hG4bKtls1"), Endpoint.tls(server.localAddress()), failed::complete);
            Received r = inbox.poll(10, TimeUnit.SECONDS);
            assertThat(r).as("the OPTIONS within 10 s").isNotNull();
            assertThat(r.source().protocol()).isEqualTo(Protocol.TLS);
            assertThat(r.message().topVia().branch()).isEqualTo("z9hG4bKtls1");
            assertThat(failed).isNotDone();
        }
    }

    @Test
    void aServerWhoseCertificateDoesNotChainToOurCaListIsRefusedWithOneLogLine() throws Exception {
        try (TcpSipTransport client = TcpSipTransport.bindTls(new InetSocketAddress("127.0.0.1", 0), (m, s) -> { },
                TcpLimits.DEFAULT, SipLimits.DEFAULT, TlsContexts.of(settings(certs.clientCert(), certs.clientKey(), certs.rogueCert(), true)))) {
            CompletableFuture<Throwable> failed = new CompletableFuture<>();
            client.send(options("z9hG4bKtls2"), Endpoint.tls(server.localAddress()), failed::complete);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> log.stream().anyMatch(l -> l.contains("TLS handshake to 127.0.0.1:" + server.localAddress().getPort() + " failed")));
            assertThat(inbox.poll(500, TimeUnit.MILLISECONDS)).as("nothing crossed").isNull();
            assertThat(log.stream().filter(l -> l.contains("TLS handshake to")).toList()).hasSize(1);
        }
    }

    @Test
    void anUnreadableCertificateFailsAtBuildNamingTheFile() {
        assertThatThrownBy(() -> TlsContexts.of(settings(dir.resolve("nope.crt"), null, null, false)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.crt").hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> TlsContexts.of(settings(certs.serverKey(), certs.serverKey(), null, false)))
            .as("a key file where the certificate should be").isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("server.key");
    }
}
