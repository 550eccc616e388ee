package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.res.http.HttpModule;
import org.switchboard.testing.BaresipPhone;
import org.switchboard.testing.ChromiumPhone;
import org.switchboard.testing.ToneAudio;

/**
 * A real browser as a WebRTC phone (chromium headless, {@link ChromiumPhone}): it registers over
 * SIP on WebSocket to a {@code webrtc=yes} endpoint and calls; its microphone plays a 1000 Hz tone.
 * Echo() must give the tone back and Playtones(800) must be heard as 800 Hz: the page's WebAudio
 * analyser reads the loudest frequency of the remote track. Media runs over ICE and DTLS-SRTP
 * (the browser accepts nothing else), with Opus.
 */
class WebrtcBrowserTest {
    @TempDir Path dir;

    static final String DIALPLAN = """
        [phones]
        exten => 600,1,Answer()
         same => n,Echo()
        exten => 601,1,Answer()
         same => n,Playtones(800)
         same => n,Wait(30)
        exten => 700,1,Dial(PJSIP/bob,20)
        """;

    /** A desk phone beside the browser: plain RTP, G.711. */
    static final String BOB = """

        [bob]
        type=endpoint
        context=phones
        disallow=all
        allow=ulaw
        auth=bob
        aors=bob
        [bob]
        type=auth
        auth_type=userpass
        username=bob
        password=builder
        [bob]
        type=aor
        max_contacts=1
        """;

    private PjsipPbxFixture start(String httpConf) throws Exception {
        Files.writeString(dir.resolve("http.conf"), httpConf);
        return PjsipPbxFixture.start(dir, PjsipWebSocketTest.PJSIP + BOB, DIALPLAN);
    }

    private ChromiumPhone browser() throws Exception {
        return ChromiumPhone.start(ToneAudio.writeTone(dir.resolve("tone.wav"), 1000, 48000, 10));
    }

    @Test
    void aBrowserRegistersOverWsAndHearsItsOwnToneFromEchoThenAGeneratedTone() throws Exception {
        assumeTrue(ChromiumPhone.installed(), "chromium and chromium-driver not installed");
        try (PjsipPbxFixture f = start("[general]\nenabled=yes\nbindaddr=127.0.0.1\nbindport=0\n"); ChromiumPhone phone = browser()) {
            int port = HttpModule.get(f.pbx.pbx).httpAddress().getPort();
            assertThat(phone.await("register", "ws://127.0.0.1:" + port + "/ws", "alice", "wonderland", "127.0.0.1"))
                .as("%s", phone.log()).isEqualTo(200L);
            assertThat(f.cli("pjsip show contacts")).contains("alice/sip:");

            callAndHear(phone, "600", 1000, "echo over ws");
            assertThat(phone.await("hangup")).isEqualTo(200L);
            await().atMost(10, TimeUnit.SECONDS).until(() -> f.pbx.pbx.channels().all().isEmpty());

            callAndHear(phone, "601", 800, "Playtones over ws");
            assertThat(phone.await("hangup")).isEqualTo(200L);
            printRegistration(phone, "first");
            // again on a new connection, the server warm: what a phone sees after a reconnect
            assertThat(phone.await("register", "ws://127.0.0.1:" + port + "/ws", "alice", "wonderland", "127.0.0.1")).isEqualTo(200L);
            printRegistration(phone, "again");
        }
    }

    @Test
    void aBrowserRegistersOverWssAndHearsTheGeneratedTone() throws Exception {
        assumeTrue(ChromiumPhone.installed(), "chromium and chromium-driver not installed");
        Path[] cert = selfSigned(dir);
        String http = "[general]\nenabled=yes\nbindaddr=127.0.0.1\nbindport=0\ntlsenable=yes\ntlsbindaddr=127.0.0.1:0\n"
            + "tlscertfile=" + cert[0] + "\ntlsprivatekey=" + cert[1] + "\n";
        try (PjsipPbxFixture f = start(http); ChromiumPhone phone = browser()) {
            int port = HttpModule.get(f.pbx.pbx).httpsAddress().getPort();
            assertThat(f.cli("http show status")).contains("HTTPS Server Enabled and Bound to 127.0.0.1:" + port);
            assertThat(phone.await("register", "wss://127.0.0.1:" + port + "/ws", "alice", "wonderland", "127.0.0.1"))
                .as("%s", phone.log()).isEqualTo(200L);
            printRegistration(phone, "wss");
            callAndHear(phone, "601", 800, "Playtones over wss");
            assertThat(f.pbx.logLines("WSS:127.0.0.1:")).isEmpty(); // no parse or transport complaint about the flow
            assertThat(phone.await("hangup")).isEqualTo(200L);
        }
    }

    /**
     * The browser calls a desk phone (baresip) through the PBX: Opus over ICE/DTLS-SRTP on one leg,
     * G.711 over plain RTP on the other, transcoded. Each hears the other's tone: the browser
     * 800 Hz from baresip's microphone, baresip 1000 Hz from the browser's.
     */
    @Test
    void aBrowserCallsADeskPhoneAndEachHearsTheOthersTone() throws Exception {
        assumeTrue(ChromiumPhone.installed(), "chromium and chromium-driver not installed");
        assumeTrue(BaresipPhone.installed(), "baresip not installed");
        Path heard = dir.resolve("bob-heard.wav");
        try (PjsipPbxFixture f = start("[general]\nenabled=yes\nbindaddr=127.0.0.1\nbindport=0\n");
             BaresipPhone bob = BaresipPhone.start(dir, "bob", "builder", "127.0.0.1:" + f.port(),
                 ToneAudio.writeTone(dir.resolve("bob-mic.wav"), 800, 8000, 10), heard);
             ChromiumPhone alice = browser()) {
            bob.awaitRegistered(Duration.ofSeconds(10));
            bob.autoAnswer(true);
            int port = HttpModule.get(f.pbx.pbx).httpAddress().getPort();
            assertThat(alice.await("register", "ws://127.0.0.1:" + port + "/ws", "alice", "wonderland", "127.0.0.1")).isEqualTo(200L);
            callAndHear(alice, "700", 800, "browser to baresip");
            bob.awaitHeard(Duration.ofSeconds(3), Duration.ofSeconds(20));
            assertThat(alice.await("hangup")).isEqualTo(200L);
            bob.awaitClosed(Duration.ofSeconds(10));
            assertThat(ToneAudio.hasTone(heard, 1000)).as("baresip hears the browser's 1000 Hz").isTrue();
        }
    }

    /** A throwaway certificate and key (PEM, PKCS#8) for 127.0.0.1, made by openssl. */
    static Path[] selfSigned(Path dir) throws Exception {
        Path cert = dir.resolve("asterisk.crt"), key = dir.resolve("asterisk.key");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out", cert.toString())
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return new Path[] {cert, key};
    }

    private static void printRegistration(ChromiumPhone phone, String which) {
        Map<String, Number> t = phone.times();
        System.out.printf("figure: %s registration: WebSocket open %.0f ms, WS connect to REGISTER 200 %.0f ms%n", which,
            t.get("wsOpen").doubleValue() - t.get("wsStart").doubleValue(), t.get("registered").doubleValue() - t.get("wsStart").doubleValue());
    }

    private static void callAndHear(ChromiumPhone phone, String exten, int hz, String what) {
        phone.eval("(sb.expectHz = " + hz + ", sb.heard = [], 0)");
        assertThat(phone.await("call", exten)).as("%s", phone.log()).isEqualTo(200L);
        // 25 readings 20 ms apart with the tone loudest; ICE and DTLS can take seconds on a loaded box
        await().atMost(40, TimeUnit.SECONDS).until(() -> ((List<?>) phone.eval("sb.heard")).size() >= 25);
        Map<String, Number> t = phone.times();
        System.out.println("page log: " + phone.log());
        System.out.printf("figure: %s: microphone %.0f ms, offer gathered %.0f ms, 200 OK %.0f ms, to ICE+DTLS connected %.0f ms, to first %d Hz heard %.0f ms (first sound at all %.0f ms)%n",
            what, t.get("micReady").doubleValue() - t.get("callStart").doubleValue(),
            t.get("offerReady").doubleValue() - t.get("callStart").doubleValue(),
            t.get("answered").doubleValue() - t.get("callStart").doubleValue(),
            t.get("connected").doubleValue() - t.get("callStart").doubleValue(), hz,
            t.get("firstAudio").doubleValue() - t.get("callStart").doubleValue(),
            t.get("firstSound").doubleValue() - t.get("callStart").doubleValue());
    }
}
