package org.switchboard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Proves the torture scenarios against a strict little Java stub that answers the way the PBX
 * must (400 / 505 / 513 / 200, nothing for garbage), so the only unknown left is the PBX.
 */
@Tag("harness") // checks the test harness, not the PBX: run with ./mvnw test -Pharness
class SippTortureTest {
    private static final Pattern REQUEST_LINE = Pattern.compile("([A-Z]+) (\\S+) SIP/(\\d+\\.\\d+)");

    @BeforeAll
    static void sippInstalled() {
        assumeTrue(Sipp.installed(), "sipp (Debian sip-tester) not installed");
    }

    @Test
    void udpTortureAgainstStrictStub() throws Exception {
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             Sipp uac = Sipp.scenario("torture/torture-udp.xml")) {
            List<String> answered = new CopyOnWriteArrayList<>();
            Thread stub = Thread.ofVirtual().start(() -> serveUdp(server, answered));
            Sipp.Result r = uac.remote(Sipp.HOST, server.getLocalPort()).calls(1)
                    .timeout(Duration.ofSeconds(30)).run(Duration.ofSeconds(40));
            server.close();
            stub.join(2000);
            assertThat(r.ok()).as("%s", r).isTrue();
            assertThat(r.successful()).as("%s", r).isEqualTo(1);
            assertThat(answered).as("%s", r).containsExactly("bad-cseq 400", "cseq-method-mismatch 400",
                    "content-length-too-big 400", "content-length-negative 400", "missing-from 400",
                    "bad-version 505", "huge-header 200", "missing-call-id 400", "garbage-first-line dropped",
                    "alive 200");
        }
    }

    @Test
    void tcp64kHeadersGet513() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             Sipp uac = Sipp.scenario("torture/torture-tcp-64k.xml").tcp()) {
            Thread stub = Thread.ofVirtual().start(() -> serveTcpOnce(server));
            Sipp.Result r = uac.remote(Sipp.HOST, server.getLocalPort()).calls(1)
                    .timeout(Duration.ofSeconds(20)).run(Duration.ofSeconds(30));
            stub.join(2000);
            assertThat(r.ok()).as("%s", r).isTrue();
            assertThat(r.successful()).as("%s", r).isEqualTo(1);
        }
    }

    @Test
    void nulByteFileIsOneRequestTheStubRefuses() throws Exception {
        byte[] raw = Files.readAllBytes(Sipp.SCENARIOS.resolve("torture/nul-in-header.sip"));
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).contains("\0").endsWith("\r\n\r\n");
        assertThat(answer(raw)).startsWith("SIP/2.0 400 ");
    }

    private static void serveUdp(DatagramSocket socket, List<String> answered) {
        byte[] buf = new byte[70_000];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException closed) {
                return;
            }
            byte[] msg = java.util.Arrays.copyOf(p.getData(), p.getLength());
            String text = new String(msg, StandardCharsets.ISO_8859_1);
            Matcher c = Pattern.compile("X-Torture-Case: (\\S+)").matcher(text);
            String name = c.find() ? c.group(1) : text.startsWith("THIS IS NOT SIP") ? "garbage-first-line" : "?";
            String response = answer(msg);
            answered.add(name + " " + (response == null ? "dropped" : response.substring(8, 11)));
            if (response != null) send(socket, response, p.getSocketAddress());
        }
    }

    private static void send(DatagramSocket socket, String response, SocketAddress to) {
        byte[] out = response.getBytes(StandardCharsets.ISO_8859_1);
        try {
            socket.send(new DatagramPacket(out, out.length, to));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads one message of at most 32 KB of headers from one connection; answers 513 if larger. */
    private static void serveTcpOnce(ServerSocket server) {
        try (Socket s = server.accept()) {
            InputStream in = new java.io.BufferedInputStream(s.getInputStream());
            StringBuilder head = new StringBuilder();
            int b;
            boolean complete = false;
            while (!complete && head.length() <= 32_768 && (b = in.read()) >= 0) {
                head.append((char) b);
                complete = head.length() >= 4 && head.indexOf("\r\n\r\n", head.length() - 4) >= 0;
            }
            String status = complete ? "200 OK" : "513 Message Too Large";
            s.getOutputStream().write(response(status, headers(head.toString())).getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            in.readAllBytes(); // until SIPp closes
        } catch (IOException ignored) {
            // SIPp went away
        }
    }

    /** What the PBX must do with one datagram: a response, or null to drop it. */
    static String answer(byte[] datagram) {
        String text = new String(datagram, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) return null;
        String[] lines = text.substring(0, end).split("\r\n");
        Matcher rl = REQUEST_LINE.matcher(lines[0]);
        if (!rl.matches()) return null; // garbage: no response possible or wanted
        Map<String, String> h = headers(text.substring(0, end));
        if (!rl.group(3).equals("2.0")) return response("505 Version Not Supported", h);
        for (String need : List.of("via", "from", "to", "call-id", "cseq"))
            if (!h.containsKey(need)) return response("400 Missing " + need, h);
        if (text.substring(0, end).indexOf('\0') >= 0) return response("400 NUL in header", h);
        if (!h.get("cseq").matches("\\d+ " + rl.group(1))) return response("400 Bad CSeq", h);
        String cl = h.getOrDefault("content-length", "0");
        if (!cl.matches("\\d{1,9}") || Integer.parseInt(cl) > datagram.length - end - 4)
            return response("400 Bad Content-Length", h);
        return response("200 OK", h);
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> h = new LinkedHashMap<>();
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) h.putIfAbsent(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
        }
        return h;
    }

    private static String response(String status, Map<String, String> h) {
        List<String> out = new ArrayList<>(List.of("SIP/2.0 " + status));
        for (String name : List.of("Via", "From", "To", "Call-ID", "CSeq")) {
            String v = h.get(name.toLowerCase());
            if (v != null) out.add(name + ": " + v + (name.equals("To") && !v.contains("tag=") ? ";tag=stub" : ""));
        }
        if (status.startsWith("200")) out.add("Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO");
        out.add("Content-Length: 0");
        return String.join("\r\n", out) + "\r\n\r\n";
    }
}
