package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.message.DigestChallenge;
import org.switchboard.channels.sip.message.DigestCredentials;
import org.switchboard.res.http.HttpModule;

/**
 * SIP over WebSocket (RFC 7118) on the HTTP server of http.conf, driven by the JDK's WebSocket
 * client as a browser phone's socket: a REGISTER with digest auth, what else the server answers,
 * and the bad input a stranger can send (a frame that is not SIP, a flood of connections and of
 * messages).
 */
class PjsipWebSocketTest {
    @TempDir Path dir;

    static final String PJSIP = """
        [transport-ws]
        type=transport
        protocol=ws
        bind=0.0.0.0

        [alice]
        type=endpoint
        context=phones
        disallow=all
        allow=opus,ulaw
        webrtc=yes
        auth=alice
        aors=alice
        """ + PjsipPbxFixture.authAndAor("alice", "wonderland", 5, "");

    private PjsipPbxFixture start() throws Exception {
        Files.writeString(dir.resolve("http.conf"), "[general]\nenabled=yes\nbindaddr=127.0.0.1\nbindport=0\n");
        return PjsipPbxFixture.start(dir, PJSIP, "[phones]\nexten => 600,1,Answer()\n same => n,Echo()\n");
    }

    private static int httpPort(PjsipPbxFixture f) { return HttpModule.get(f.pbx.pbx).httpAddress().getPort(); }

    static String register(int cseq, String authorization) {
        return "REGISTER sip:127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/WS df7jal23ls0d.invalid;branch=z9hG4bKreg" + cseq + ";rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "To: <sip:alice@127.0.0.1>\r\n"
            + "From: <sip:alice@127.0.0.1>;tag=w1\r\n"
            + "Call-ID: ws-reg-1\r\n"
            + "CSeq: " + cseq + " REGISTER\r\n"
            + "Contact: <sip:k3l2@df7jal23ls0d.invalid;transport=ws>;expires=300\r\n"
            + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
            + "Content-Length: 0\r\n\r\n";
    }

    /** REGISTER, 401, REGISTER with credentials, 200: the contact is kept with its flow. */
    static void registerAlice(WsTestClient ws) throws Exception {
        ws.send(register(1, null));
        String challenge = ws.next(5);
        assertThat(challenge).startsWith("SIP/2.0 401");
        String header = challenge.lines().filter(l -> l.startsWith("WWW-Authenticate:")).findFirst().orElseThrow()
            .substring("WWW-Authenticate:".length()).trim();
        DigestCredentials cred = DigestCredentials.answer(DigestChallenge.parse(header), "alice", "wonderland", "REGISTER",
            "sip:127.0.0.1", "c0ffee", 1);
        ws.send(register(2, cred.toHeaderValue()));
        String ok = ws.next(5);
        assertThat(ok).startsWith("SIP/2.0 200").contains("Via: SIP/2.0/WS df7jal23ls0d.invalid;branch=z9hG4bKreg2");
    }

    @Test
    void aBrowserSocketRegistersWithDigestAndItsContactIsReachedThroughTheFlow() throws Exception {
        try (PjsipPbxFixture f = start(); WsTestClient ws = WsTestClient.connect(httpPort(f))) {
            registerAlice(ws);
            assertThat(f.cli("pjsip show contacts")).contains("alice/sip:k3l2@df7jal23ls0d.invalid;transp"); // the column is cut there
            // a request to the registered phone goes back over the same connection (RFC 7118 §5)
            var c = f.pbx.channel();
            Thread.ofVirtual().start(() -> f.pbx.pbx.execute(c, "Dial", "PJSIP/alice,5"));
            // the first WebRTC call of the JVM binds ICE cold (seconds on a loaded box, the warm-up may still be running)
            String invite = ws.next(30);
            assertThat(invite).startsWith("INVITE sip:k3l2@df7jal23ls0d.invalid;transport=ws SIP/2.0")
                .contains("Via: SIP/2.0/WS ").contains(";transport=ws>")
                .contains("m=audio ").contains(" UDP/TLS/RTP/SAVPF ").contains("a=fingerprint:sha-256 ")
                .contains("a=setup:actpass").contains("a=ice-ufrag:").contains("a=candidate:").contains("a=rtcp-mux")
                .contains("a=mid:0").contains("a=group:BUNDLE 0").contains("opus/48000/2");
            // ICE binds inside rtp.conf's range (the fixture's 23000-24998), as plain RTP does, so a firewall
            // opened for that range passes WebRTC media too
            var port = java.util.regex.Pattern.compile("(?m)^a=candidate:\\S+ 1 udp \\d+ \\S+ (\\d+) typ host").matcher(invite);
            assertThat(port.find()).as(invite).isTrue();
            assertThat(Integer.parseInt(port.group(1))).isBetween(23000, 24998);
        }
    }

    @Test
    void aPlainRtpOfferFromAWebrtcEndpointIs488() throws Exception {
        try (PjsipPbxFixture f = start(); WsTestClient ws = WsTestClient.connect(httpPort(f))) {
            registerAlice(ws);
            String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
            ws.send(invite(1, null, sdp));
            String challenge = ws.next(5);
            if (challenge.startsWith("SIP/2.0 100")) challenge = ws.next(5);
            assertThat(challenge).startsWith("SIP/2.0 401");
            String header = challenge.lines().filter(l -> l.startsWith("WWW-Authenticate:")).findFirst().orElseThrow()
                .substring("WWW-Authenticate:".length()).trim();
            ws.send(invite(2, DigestCredentials.answer(DigestChallenge.parse(header), "alice", "wonderland", "INVITE",
                "sip:600@127.0.0.1", "c0ffee", 1).toHeaderValue(), sdp));
            String answer;
            do {
                answer = ws.next(5);
            } while (answer != null && answer.startsWith("SIP/2.0 1"));
            assertThat(answer).startsWith("SIP/2.0 488");
            assertThat(f.pbx.logLines("rejected: WebRTC endpoint: the offer has no DTLS-SRTP with ICE")).hasSize(1);
        }
    }

    private static String invite(int cseq, String authorization, String sdp) {
        return "INVITE sip:600@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/WS df7jal23ls0d.invalid;branch=z9hG4bKinv" + cseq + "\r\n"
            + "Max-Forwards: 70\r\nTo: <sip:600@127.0.0.1>\r\nFrom: <sip:alice@127.0.0.1>;tag=i1\r\n"
            + "Call-ID: ws-inv-1\r\nCSeq: " + cseq + " INVITE\r\nContact: <sip:k3l2@df7jal23ls0d.invalid;transport=ws>\r\n"
            + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
            + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
    }

    @Test
    void aFrameThatIsNotSipIsDroppedWithALogLineAndOneWithAViaIsAnswered400() throws Exception {
        try (PjsipPbxFixture f = start(); WsTestClient ws = WsTestClient.connect(httpPort(f))) {
            ws.send("hello, is this the SIP server?");
            await().atMost(5, TimeUnit.SECONDS).until(() -> !f.pbx.logLines("malformed message from WS:127.0.0.1:").isEmpty());
            assertThat(f.pbx.logLines("malformed message from WS:127.0.0.1:").get(0)).contains("dropped");
            ws.send("OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/WS x.invalid;branch=z9hG4bKbad\r\nFrom: <sip:x@x.invalid>;tag=1\r\n"
                + "To: <sip:127.0.0.1>\r\nCall-ID: bad-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: lots\r\n\r\n");
            String answer = ws.next(5);
            assertThat(answer).startsWith("SIP/2.0 400");
            // the connection is still usable for SIP
            registerAlice(ws);
        }
    }

    @Test
    void aWsTransportAddedByPjsipReloadCarriesSipAndOneRemovedStops() throws Exception {
        Files.writeString(dir.resolve("http.conf"), "[general]\nenabled=yes\nbindaddr=127.0.0.1\nbindport=0\n");
        String withoutWs = PJSIP.replace("[transport-ws]\ntype=transport\nprotocol=ws\nbind=0.0.0.0\n", "");
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, withoutWs, "[phones]\n")) {
            assertThat(f.cli("http show status")).doesNotContain("(sip)");
            Files.writeString(dir.resolve("pjsip.conf"), PjsipPbxFixture.TRANSPORT + PJSIP);
            f.cli("pjsip reload");
            assertThat(f.cli("http show status")).contains("/ws => Asterisk HTTP WebSocket (sip)");
            try (WsTestClient ws = WsTestClient.connect(httpPort(f))) {
                registerAlice(ws);
            }
            Files.writeString(dir.resolve("pjsip.conf"), PjsipPbxFixture.TRANSPORT + withoutWs);
            f.cli("pjsip reload");
            assertThat(f.cli("http show status")).doesNotContain("(sip)");
        }
    }

    @Test
    void otherPathsAre404AndWsWithoutTheSipProtocolIs400() throws Exception {
        try (PjsipPbxFixture f = start()) {
            HttpClient http = HttpClient.newHttpClient();
            var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort(f) + "/static/index.html")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("404 Not Found");
            var ws = http.newWebSocketBuilder().subprotocols("chat")
                .buildAsync(URI.create("ws://127.0.0.1:" + httpPort(f) + "/ws"), new java.net.http.WebSocket.Listener() {});
            assertThat(ws).failsWithin(Duration.ofSeconds(5));
            assertThat(f.pbx.logLines("could not be accepted - no protocols out of 'chat' supported")).hasSize(1);
            assertThat(f.cli("http show status")).contains("Server Enabled and Bound to 127.0.0.1:" + httpPort(f))
                .contains("/ws => Asterisk HTTP WebSocket (sip)");
        }
    }

    @Test
    void aFloodOfConnectionsFromOneAddressIsCappedAndLogged() throws Exception {
        try (PjsipPbxFixture f = start()) {
            List<WsTestClient> open = new ArrayList<>();
            try {
                for (int i = 0; i < 25; i++) open.add(WsTestClient.connect(httpPort(f)));
                // tcpauthlimitperaddress (20): the rest are closed as soon as they open (1008)
                long refused = open.subList(20, 25).stream().filter(c -> {
                    try {
                        return c.closed().get(5, TimeUnit.SECONDS) == 1008;
                    } catch (Exception e) {
                        return false;
                    }
                }).count();
                assertThat(refused).isEqualTo(5);
                assertThat(f.pbx.logLines("Refusing WebSocket connections from 127.0.0.1: 20 unauthenticated connections")).hasSize(1);
                assertThat(f.module().stack().webSocket().connectionCount()).isEqualTo(20);
            } finally {
                open.forEach(WsTestClient::close);
            }
            // once they are gone a phone gets in again
            await().atMost(5, TimeUnit.SECONDS).until(() -> f.module().stack().webSocket().connectionCount() == 0);
            try (WsTestClient ws = WsTestClient.connect(httpPort(f))) {
                registerAlice(ws);
            }
        }
    }

    @Test
    void aFloodOfMessagesOnOneConnectionIsDroppedThenTheConnectionClosed() throws Exception {
        try (PjsipPbxFixture f = start(); WsTestClient ws = WsTestClient.connect(httpPort(f))) {
            // as fast as the socket takes them: past 200 in one second the server closes (however slow the box)
            for (int i = 0; i < 20_000 && !ws.closed().isDone(); i++) {
                try {
                    ws.socket().sendText("\r\n\r\n", true).get(5, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException closing) {
                    break; // the server closed while we sent
                }
            }
            assertThat(ws.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1008);
            assertThat(f.pbx.logLines("WebSocket flood from 127.0.0.1:")).hasSize(1);
            assertThat(f.pbx.logLines("Closing WebSocket from 127.0.0.1:")).hasSize(1);
        }
    }
}
