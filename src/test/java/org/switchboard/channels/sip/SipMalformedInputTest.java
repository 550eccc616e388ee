package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a peer sees when it breaks RFC 3261 §25 at the byte level (a NUL in a header name, a CR
 * without its LF), over UDP and TCP alike, and what the admin's log sees when it does so
 * thousands of times: a handful of lines and a count, never a line per packet.
 */
class SipMalformedInputTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String GENERAL = "allowguest=yes\ncontext=phones\ntcpenable=yes\ntcpbindaddr=127.0.0.1:0\n";
    private static final String DIALPLAN = "[phones]\nexten => 100,1,Answer()\n";

    @TempDir Path dir;

    /** An OPTIONS with CRLF line ends, its Via naming {@code transport} and {@code port}. */
    private static String options(String transport, int port, String callId) {
        return "OPTIONS sip:x@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/" + transport + " 127.0.0.1:" + port + ";branch=z9hG4bK"
            + callId + ";rport\r\nMax-Forwards: 70\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:x@127.0.0.1>\r\n"
            + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nSubject: hello\r\nContent-Length: 0\r\n\r\n";
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    private static String statusLine(String m) { return m == null ? null : m.substring(0, m.indexOf('\r')); }

    @Test void aNulInAHeaderNameAndABareCrGetA400SayingSoOverUdp() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, GENERAL, "", DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer(SipPbxFixture.nextLoopback())) {
            p.sendRaw(f.port(), bytes(options("UDP", p.port(), "nul-udp").replace("Via:", "Via\0\0:")));
            String nul = p.finalResponse(WAIT, "nul-udp");
            assertThat(statusLine(nul)).isEqualTo("SIP/2.0 400 Bad Request (NUL in header name 'Via')");
            assertThat(nul).doesNotContain("\r\nVia:"); // Via\0\0: is no Via, so none is echoed
            p.sendRaw(f.port(), bytes(options("UDP", p.port(), "cr-udp").replace("Subject: hello", "Subject: hel\rlo")));
            assertThat(statusLine(p.finalResponse(WAIT, "cr-udp"))).isEqualTo("SIP/2.0 400 Bad Request (bare CR in header 'Subject')");
            p.sendRaw(f.port(), bytes(options("UDP", p.port(), "fine-udp")));
            assertThat(statusLine(p.finalResponse(WAIT, "fine-udp"))).isEqualTo("SIP/2.0 200 OK");
        }
    }

    @Test void theSameOverTcpAndTheConnectionKeepsServing() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, GENERAL, "", DIALPLAN);
             SipTcpPeer p = new SipTcpPeer(SipPbxFixture.nextLoopback(), f.stack().tcpAddress())) {
            p.write(bytes(options("TCP", p.port(), "nul-tcp").replace("Via:", "Via\0\0:")));
            assertThat(SipTcpPeer.status(p.read(WAIT))).isEqualTo("SIP/2.0 400 Bad Request (NUL in header name 'Via')");
            p.write(bytes(options("TCP", p.port(), "cr-tcp").replace("Subject: hello", "Subject: hel\rlo")));
            assertThat(SipTcpPeer.status(p.read(WAIT))).isEqualTo("SIP/2.0 400 Bad Request (bare CR in header 'Subject')");
            p.write(bytes(options("TCP", p.port(), "fine-tcp"))); // framing was never lost: the same connection goes on
            assertThat(SipTcpPeer.status(p.read(WAIT))).isEqualTo("SIP/2.0 200 OK");
        }
    }

    @Test void aFloodOfMalformedDatagramsCostsAHandfulOfLogLinesAndACount() throws Exception {
        InetAddress flooder = SipPbxFixture.nextLoopback();
        String from = "malformed message from UDP:" + flooder.getHostAddress() + ":";
        try (SipPbxFixture f = SipPbxFixture.start(dir, GENERAL, "", DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer(flooder)) {
            for (int i = 0; i < 2000; i++) {
                p.sendRaw(f.port(), bytes(options("UDP", p.port(), "flood-" + i).replace("Via:", "Via\0:")));
            }
            try (SipPbxFixture.RawPeer fresh = new SipPbxFixture.RawPeer(SipPbxFixture.nextLoopback())) {
                // from a socket of its own (the flooder's is full of 400s), retransmitted every T1 as
                // a UA does over UDP (RFC 3261 §17.1.2.2): the flood may have filled the PBX's buffer
                String answer = null;
                for (int i = 0; i < 10 && answer == null; i++) {
                    fresh.sendRaw(f.port(), bytes(options("UDP", fresh.port(), "after-flood")));
                    answer = fresh.finalResponse(Duration.ofMillis(500), "after-flood");
                }
                assertThat(statusLine(answer)).isEqualTo("SIP/2.0 200 OK");
            }
            assertThat(f.pbx.logLines(from)).hasSizeBetween(1, 5);
            String summary = "more from " + flooder.getHostAddress() + " in the last ";
            Awaitility.await().atMost(Duration.ofSeconds(25)).until(() -> !f.pbx.logLines(summary).isEmpty());
            assertThat(f.pbx.logLines(summary)).singleElement().asString().matches(".*\\.\\.\\. [\\d,]+ more from .*");
            assertThat(f.pbx.logLines(flooder.getHostAddress())).hasSizeLessThanOrEqualTo(6);
        }
    }
}
