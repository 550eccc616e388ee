package org.switchboard.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves the softphone harness without any PBX: real phones call each other directly on
 * 127.0.0.1, exchange tones and DTMF, and register with a stub registrar. Skipped only when a
 * phone binary is not installed.
 */
@Tag("harness") // checks the test harness, not the PBX: run with ./mvnw test -Pharness
class SoftPhoneDirectTest {
    private static final Duration T = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PCMU", "PCMA", "G722", "opus"})
    void twoBaresipsCallEachOtherHearEachOtherAndExchangeDtmf(String codec) throws IOException {
        assumeTrue(BaresipPhone.installed(), "baresip not installed");
        Path toneA = ToneAudio.writeTone(dir.resolve("a.wav"), 1000, 8000, 5);
        Path toneB = ToneAudio.writeTone(dir.resolve("b.wav"), 400, 16000, 5);
        Path recA = dir.resolve("rec-a.wav"), recB = dir.resolve("rec-b.wav");
        try (BaresipPhone a = BaresipPhone.start(dir, "a", null, null, toneA, recA, List.of(codec));
             BaresipPhone b = BaresipPhone.start(dir, "b", null, null, toneB, recB, List.of(codec))) {
            a.dial(b.uri());
            assertTrue(b.awaitIncoming(T).contains("sip:a@127.0.0.1"));
            b.answer();
            a.awaitEstablished(T);
            b.awaitEstablished(T);

            a.sendDtmf("19#*");
            StringBuilder got = new StringBuilder();
            for (int i = 0; i < 4; i++) got.append(b.awaitDtmf(T));
            assertEquals("19#*", got.toString(), String.join("\n", b.output()));

            b.awaitHeard(Duration.ofSeconds(2), T);
            a.awaitHeard(Duration.ofSeconds(2), T);
            a.hangup();
            a.awaitClosed(T);
            String reason = b.awaitClosed(T);
            assertFalse(reason == null || reason.isEmpty(), "close reason");
        }
        assertTrue(ToneAudio.hasTone(recA, 400), ToneAudio.describe(recA, 400, 1000));
        assertFalse(ToneAudio.hasTone(recA, 1000), ToneAudio.describe(recA, 400, 1000));
        assertTrue(ToneAudio.hasTone(recB, 1000), ToneAudio.describe(recB, 400, 1000));
        assertFalse(ToneAudio.hasTone(recB, 400), ToneAudio.describe(recB, 400, 1000));
    }

    @Test
    void aPromptPlayedIntoACallIsRecognisedInTheRecording() throws IOException {
        assumeTrue(BaresipPhone.installed(), "baresip not installed");
        Path prompt = ToneAudio.writePrompt(dir.resolve("prompt.wav"), 1, 8000, 3);
        Path other = ToneAudio.writePrompt(dir.resolve("other.wav"), 2, 8000, 3);
        Path recA = dir.resolve("rec-a.wav");
        try (BaresipPhone a = BaresipPhone.start(dir, "a", null, null, null, recA);
             BaresipPhone b = BaresipPhone.start(dir, "b", null, null, prompt, null)) {
            b.autoAnswer(true);
            a.dial(b.uri());
            a.awaitEstablished(T);
            a.awaitHeard(Duration.ofSeconds(4), T);
            a.hangup();
            a.awaitClosed(T);
        }
        double same = ToneAudio.similarity(recA, prompt), different = ToneAudio.similarity(recA, other);
        assertTrue(same > 0.85, "similarity to the prompt played: " + same);
        assertTrue(different < 0.6, "similarity to another prompt: " + different);
        assertTrue(ToneAudio.similarity(other, other) > 0.99);
    }

    @Test
    void baresipRegistersWithDigestAuthentication() throws IOException {
        assumeTrue(BaresipPhone.installed(), "baresip not installed");
        try (StubRegistrar reg = new StubRegistrar();
             BaresipPhone a = BaresipPhone.start(dir, "alice", "secret", "127.0.0.1:" + reg.port(), null, null)) {
            a.awaitRegistered(T);
            assertTrue(reg.requests.stream().anyMatch(r -> r.contains("username=\"alice\"")), String.join("\n---\n", reg.requests));
        }
    }

    @Test
    void linphoneCallsBaresip() throws IOException {
        assumeTrue(BaresipPhone.installed(), "baresip not installed");
        assumeTrue(LinphonePhone.installed(), "linphonec not installed");
        Path toneL = ToneAudio.writeTone(dir.resolve("l.wav"), 1000, 8000, 5);
        Path toneB = ToneAudio.writeTone(dir.resolve("b.wav"), 400, 8000, 5);
        Path recL = dir.resolve("rec-l.wav"), recB = dir.resolve("rec-b.wav");
        try (LinphonePhone l = LinphonePhone.start(dir, "lin", toneL, recL);
             BaresipPhone b = BaresipPhone.start(dir, "b", null, null, toneB, recB)) {
            l.dial(b.uri());
            b.awaitIncoming(T);
            b.answer();
            l.awaitEstablished(T);
            b.awaitEstablished(T);
            l.sendDtmf("5#");
            assertEquals('5', b.awaitDtmf(T));
            assertEquals('#', b.awaitDtmf(T));
            b.sendDtmf("7");
            assertEquals('7', l.awaitDtmf(T));
            b.awaitHeard(Duration.ofSeconds(2), T);
            l.hangup();
            assertEquals("No error", l.awaitClosed(T));
            b.awaitClosed(T);
        }
        assertTrue(ToneAudio.hasTone(recB, 1000), ToneAudio.describe(recB, 400, 1000));
        assertTrue(ToneAudio.hasTone(recL, 400), ToneAudio.describe(recL, 400, 1000));
    }

    @Test
    void baresipCallsLinphone() throws IOException {
        assumeTrue(BaresipPhone.installed(), "baresip not installed");
        assumeTrue(LinphonePhone.installed(), "linphonec not installed");
        try (LinphonePhone l = LinphonePhone.start(dir, "lin", null, null);
             BaresipPhone a = BaresipPhone.start(dir, "a", null, null, null, null)) {
            a.dial(l.uri());
            assertTrue(l.awaitIncoming(T).contains("sip:a@127.0.0.1"));
            l.answer();
            l.awaitEstablished(T);
            a.awaitEstablished(T);
            a.hangup();
            a.awaitClosed(T);
            l.awaitClosed(T);
        }
    }

    @Test
    void linphoneRegistersWithDigestAuthentication() throws IOException {
        assumeTrue(LinphonePhone.installed(), "linphonec not installed");
        try (StubRegistrar reg = new StubRegistrar(); LinphonePhone l = LinphonePhone.start(dir, "bob", null, null)) {
            l.register("127.0.0.1:" + reg.port(), "secret");
            l.awaitRegistered(T);
            assertTrue(reg.requests.stream().anyMatch(r -> r.contains("username=\"bob\"")), String.join("\n---\n", reg.requests));
        }
    }

    /**
     * Just enough registrar to exercise the phones' REGISTER path: challenges a REGISTER without
     * credentials (401, digest) and accepts any REGISTER with an Authorization header.
     */
    static final class StubRegistrar implements AutoCloseable {
        final List<String> requests = new CopyOnWriteArrayList<>();
        private final DatagramSocket socket = new DatagramSocket(new InetSocketAddress(PhoneProcess.LOOPBACK, 0));

        StubRegistrar() throws SocketException {
            Thread t = new Thread(this::serve, "stub-registrar");
            t.setDaemon(true);
            t.start();
        }

        int port() { return socket.getLocalPort(); }

        private void serve() {
            byte[] buf = new byte[65536];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    String req = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                    if (!req.startsWith("REGISTER")) continue;
                    requests.add(req);
                    boolean authed = Pattern.compile("(?im)^Authorization:").matcher(req).find();
                    StringBuilder res = new StringBuilder(authed ? "SIP/2.0 200 OK\r\n" : "SIP/2.0 401 Unauthorized\r\n");
                    for (String h : List.of("Via", "From", "Call-ID", "CSeq")) {
                        Matcher m = Pattern.compile("(?im)^(" + h + ":.*)$").matcher(req);
                        while (m.find()) res.append(m.group(1).strip()).append("\r\n");
                    }
                    Matcher to = Pattern.compile("(?im)^(To:.*)$").matcher(req);
                    if (to.find()) res.append(to.group(1).strip()).append(";tag=stub\r\n");
                    if (authed) {
                        Matcher c = Pattern.compile("(?im)^(Contact:.*)$").matcher(req);
                        if (c.find()) res.append(c.group(1).strip().replaceAll(";expires=\\d+", "")).append(";expires=60\r\n");
                    } else {
                        res.append("WWW-Authenticate: Digest realm=\"stub\", nonce=\"abc123\", algorithm=MD5, qop=\"auth\"\r\n");
                    }
                    res.append("Content-Length: 0\r\n\r\n");
                    byte[] out = res.toString().getBytes(StandardCharsets.UTF_8);
                    socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() { socket.close(); }
    }
}
