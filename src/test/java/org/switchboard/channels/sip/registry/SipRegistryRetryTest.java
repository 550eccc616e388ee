package org.switchboard.channels.sip.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.channels.sip.registry.RegistryFixture.bytes;
import static org.switchboard.channels.sip.registry.RegistryFixture.line;
import static org.switchboard.channels.sip.registry.RegistryFixture.settings;
import static org.switchboard.channels.sip.registry.RegistryFixture.text;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipResponses;
import org.switchboard.core.PbxLog;

/** Timeouts, retries and registrars that misbehave: a plain DatagramSocket plays the registrar. */
class SipRegistryRetryTest {
    static final SipSettings S = settings("[general]\n");
    static final Duration WAIT = Duration.ofSeconds(10);

    RegistryFixture.Client client;
    RegistryFixture.Fake fake;
    final List<PbxLog.Line> log = new CopyOnWriteArrayList<>();
    final java.util.function.Consumer<PbxLog.Line> sink = log::add;

    RegistrationClient against(Function<SipRequest, byte[]> script, String suffix, RetryPolicy retry) throws Exception {
        PbxLog.addSink(sink);
        fake = new RegistryFixture.Fake(script);
        client = new RegistryFixture.Client(RegistryFixture.FAST);
        return client.client(line("trunkuser:pw@127.0.0.1:" + fake.port() + suffix), S, retry);
    }

    @AfterEach void tearDown() {
        PbxLog.removeSink(sink);
        if (client != null) client.close();
        if (fake != null) fake.close();
    }

    boolean logged(String text) { return log.stream().anyMatch(l -> l.text().contains(text)); }

    static SipResponse reply(SipRequest r, int status) { return SipResponses.create(r, status, "fake1"); }

    @Test void unansweredRegisterTimesOutAndIsTriedAgain() throws Exception {
        RegistrationClient c = against(r -> null, "", new RetryPolicy(Duration.ofMillis(100), 0));
        RegistryFixture.States states = new RegistryFixture.States();
        c.addStateListener(states);
        c.start();
        await().atMost(WAIT).until(() -> fake.cseqs().size() >= 3);
        assertThat(states.seen).startsWith(RegistrationState.REQUEST_SENT, RegistrationState.TIMEOUT,
            RegistrationState.REQUEST_SENT);
        assertThat(fake.requests.stream().map(SipRequest::callId).distinct()).hasSize(1);
        assertThat(c.lastError()).isNotNull();
        await().atMost(WAIT).until(() -> logged("Registration for 'trunkuser@127.0.0.1:" + fake.port()
            + "' timed out, trying again (Attempt #2)"));
    }

    @Test void givesUpAfterRegisterAttempts() throws Exception {
        int closed;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        PbxLog.addSink(sink);
        client = new RegistryFixture.Client(RegistryFixture.FAST);
        RegistrationClient c = client.client(line("trunkuser:pw@127.0.0.1:" + closed), S,
            new RetryPolicy(Duration.ofMillis(100), 2));
        RegistryFixture.States states = new RegistryFixture.States();
        c.addStateListener(states);
        c.start();
        await().atMost(WAIT).until(() -> c.state() == RegistrationState.FAILED);
        assertThat(states.seen).containsExactly(RegistrationState.REQUEST_SENT, RegistrationState.TIMEOUT,
            RegistrationState.REQUEST_SENT, RegistrationState.FAILED);
        assertThat(c.attempts()).isEqualTo(2);
        assertThat(logged("Last Registration Attempt #2 failed")).isTrue();
    }

    @Test void garbageAnswersAreDroppedAndEndInTimeout() throws Exception {
        RegistrationClient c = against(r -> text("SIP/2.0 banana\r\nthis is not SIP\r\n\r\n"), "",
            new RetryPolicy(Duration.ofMillis(100), 0));
        c.start();
        await().atMost(WAIT).until(() -> fake.cseqs().size() >= 2);
        await().atMost(WAIT).until(() -> c.lastError() != null);
        assertThat(c.state()).isIn(RegistrationState.TIMEOUT, RegistrationState.REQUEST_SENT);
    }

    @Test void serverErrorIsRejectedAndRetried() throws Exception {
        RegistrationClient c = against(r -> bytes(reply(r, 500)), "", new RetryPolicy(Duration.ofMillis(100), 0));
        RegistryFixture.States states = new RegistryFixture.States();
        c.addStateListener(states);
        c.start();
        await().atMost(WAIT).until(() -> fake.cseqs().size() >= 3);
        assertThat(states.seen).contains(RegistrationState.REJECTED);
        assertThat(c.lastError()).startsWith("500");
        assertThat(logged("got 500 Server Internal Error, trying again in 100 ms (Attempt #2)")).isTrue();
    }

    @Test void okWithoutExpiresOrOurContactAssumesWhatWasAskedAndStillRefreshes() throws Exception {
        RegistrationClient c = against(r -> bytes(reply(r, 200)), "~2", new RetryPolicy(Duration.ofMillis(100), 0));
        c.start();
        await().atMost(WAIT).until(() -> c.state() == RegistrationState.REGISTERED);
        assertThat(c.expiresSeconds()).isEqualTo(2);
        await().atMost(WAIT).until(() -> fake.cseqs().size() >= 3); // refreshed at 1 s, and again
        assertThat(logged("has neither our Contact's expires nor Expires")).isTrue();
    }

    @Test void garbageExpiresAndSomeoneElsesContactFallBackToTheExpiresHeaderOrTheRequest() throws Exception {
        RegistrationClient c = against(r -> {
            SipResponse ok = reply(r, 200);
            return bytes(ok.withHeaders(ok.headers().toBuilder()
                .add("Contact", "<sip:other@192.0.2.1:5060>;expires=3600")
                .add("Expires", "soon").build()));
        }, "~4", new RetryPolicy(Duration.ofMillis(100), 0));
        c.start();
        await().atMost(WAIT).until(() -> c.state() == RegistrationState.REGISTERED);
        assertThat(c.expiresSeconds()).isEqualTo(4);
    }

    @Test void contactExpiresWinsOverTheExpiresHeader() throws Exception {
        RegistrationClient c = against(r -> {
            SipResponse ok = reply(r, 200);
            return bytes(ok.withHeaders(ok.headers().toBuilder()
                .add("Contact", r.header("Contact") + ";expires=60")
                .add("Expires", "3600").build()));
        }, "", new RetryPolicy(Duration.ofMillis(100), 0));
        c.start();
        await().atMost(WAIT).until(() -> c.state() == RegistrationState.REGISTERED);
        assertThat(c.expiresSeconds()).isEqualTo(60);
        assertThat(c.refreshSeconds()).isEqualTo(45);
    }

    @Test void okGrantingZeroIsRejectedAndRetried() throws Exception {
        RegistrationClient c = against(r -> {
            SipResponse ok = reply(r, 200);
            return bytes(ok.withHeaders(ok.headers().toBuilder().add("Expires", "0").build()));
        }, "", new RetryPolicy(Duration.ofMillis(100), 0));
        c.start();
        await().atMost(WAIT).until(() -> fake.cseqs().size() >= 2);
        await().atMost(WAIT).until(() -> "registrar granted 0 s".equals(c.lastError()));
    }

    @Test void wrongCSeqInTheAnswerIsAFailureNotAHang() throws Exception {
        RegistrationClient c = against(r -> {
            SipResponse ok = reply(r, 200);
            return bytes(ok.withHeaders(ok.headers().toBuilder().set("CSeq", (r.cseq().seq() + 100) + " REGISTER").build()));
        }, "", new RetryPolicy(Duration.ofMillis(100), 0));
        RegistryFixture.States states = new RegistryFixture.States();
        c.addStateListener(states);
        c.start();
        // the layer matches by branch and method, so the 200 reaches the client, which must not take it
        await().atMost(WAIT).until(() -> fake.cseqs().size() >= 2);
        assertThat(states.seen).contains(RegistrationState.REJECTED).doesNotContain(RegistrationState.REGISTERED);
        assertThat(c.lastError()).contains("CSeq");
    }

    @Test void challengeWithoutAnythingWeCanAnswerIsRejected() throws Exception {
        RegistrationClient c = against(r -> {
            SipResponse ch = reply(r, 401);
            return bytes(ch.withHeaders(ch.headers().toBuilder().add("WWW-Authenticate", "Basic realm=\"x\"")
                .add("WWW-Authenticate", "Digest realm=\"x\", nonce=\"n\", algorithm=MD7").build()));
        }, "", new RetryPolicy(Duration.ofMillis(100), 0));
        c.start();
        await().atMost(WAIT).until(() -> c.state() == RegistrationState.REJECTED);
        assertThat(c.lastError()).contains("no usable Digest challenge");
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> fake.cseqs().size() == 1);
    }

    @Test void staleNonceIsAnsweredAgainWithTheNewNonce() throws Exception {
        RegistrationClient c = against(r -> {
            // decided by what the request carries, not by how many arrived: a retransmission of
            // the first REGISTER (timer A on a busy machine) must get the same plain challenge
            String auth = r.header("Authorization");
            int k = auth == null ? 0 : auth.contains("nonce=\"nonce0\"") ? 1 : 2;
            if (k == 0 || k == 1) { // first: plain challenge; second (with credentials): stale, new nonce
                SipResponse ch = reply(r, 401);
                String v = "Digest realm=\"fake\", nonce=\"nonce" + k + "\", opaque=\"op\", qop=\"auth\""
                    + (k == 1 ? ", stale=TRUE" : "");
                return bytes(ch.withHeaders(ch.headers().toBuilder().add("WWW-Authenticate", v).build()));
            }
            SipResponse ok = reply(r, 200);
            return bytes(ok.withHeaders(ok.headers().toBuilder().add("Expires", "300").build()));
        }, "", new RetryPolicy(Duration.ofMillis(100), 0));
        c.start();
        await().atMost(WAIT).until(() -> c.state() == RegistrationState.REGISTERED);
        assertThat(fake.requests).hasSize(3);
        assertThat(fake.requests.get(1).header("Authorization")).contains("nonce=\"nonce0\"").contains("opaque=\"op\"");
        assertThat(fake.requests.get(2).header("Authorization")).contains("nonce=\"nonce1\"");
        assertThat(c.expiresSeconds()).isEqualTo(300);
    }

    @Test void proxyChallengeIsAnsweredWithProxyAuthorization() throws Exception {
        RegistrationClient c = against(r -> {
            if (r.header("Proxy-Authorization") == null) {
                SipResponse ch = reply(r, 407);
                return bytes(ch.withHeaders(ch.headers().toBuilder()
                    .add("Proxy-Authenticate", "Digest realm=\"fake\", nonce=\"abc\", algorithm=SHA-256").build()));
            }
            return bytes(reply(r, 200));
        }, "", new RetryPolicy(Duration.ofMillis(100), 0));
        c.start();
        await().atMost(WAIT).until(() -> c.state() == RegistrationState.REGISTERED);
        assertThat(fake.requests.get(1).header("Proxy-Authorization")).contains("algorithm=SHA-256").doesNotContain("qop");
    }

    @Test void intervalTooBriefAsksAgainWithMinExpires() throws Exception {
        RegistrationClient c = against(r -> {
            if (!"90".equals(r.header("Expires"))) {
                SipResponse b = reply(r, 423);
                return bytes(b.withHeaders(b.headers().toBuilder().add("Min-Expires", "90").build()));
            }
            SipResponse ok = reply(r, 200);
            return bytes(ok.withHeaders(ok.headers().toBuilder().add("Expires", "90").build()));
        }, "~30", new RetryPolicy(Duration.ofMillis(100), 0));
        c.start();
        await().atMost(WAIT).until(() -> c.state() == RegistrationState.REGISTERED);
        assertThat(c.expiresSeconds()).isEqualTo(90);
    }

    @Test void tcpLineSaysSoInViaAndContact() {
        var req = RegisterRequests.build(line("tcp://trunkuser@example.com:pw@sip.example.net:5080/200"),
            new RegisterRequests.Params("cid", "tag", 7, "z9hG4bKx", 60, "UA",
                new java.net.InetSocketAddress("203.0.113.5", 5070), null));
        assertThat(req.uri().toString()).isEqualTo("sip:example.com");
        assertThat(req.topVia().transport()).isEqualTo("TCP");
        assertThat(req.header("Contact")).isEqualTo("<sip:200@203.0.113.5:5070;transport=tcp>");
        assertThat(req.header("To")).isEqualTo("<sip:trunkuser@example.com>");
        assertThat(req.header("CSeq")).isEqualTo("7 REGISTER");
    }

    @Test void refreshMargins() {
        assertThat(RegistrationClient.refreshDelayMillis(3)).isEqualTo(1500);
        assertThat(RegistrationClient.refreshDelayMillis(10)).isEqualTo(5000);
        assertThat(RegistrationClient.refreshDelayMillis(11)).isEqualTo(8800);
        assertThat(RegistrationClient.refreshDelayMillis(30)).isEqualTo(24000);
        assertThat(RegistrationClient.refreshDelayMillis(120)).isEqualTo(105000);
        assertThat(RegistrationClient.refreshDelayMillis(3600)).isEqualTo(3585000);
    }
}
