package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.channels.sip.SipTcpPeer.options;
import static org.switchboard.channels.sip.SipTcpPeer.status;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.message.DigestChallenge;
import org.switchboard.channels.sip.message.DigestCredentials;

/**
 * SIP over TCP against strangers, on real sockets: an endless header is refused with 513 and the
 * connection closed; a connection that does not authenticate within tcpauthtimeout is closed
 * however slowly it keeps talking; unauthenticated connections are capped per address
 * (tcpauthlimitperaddress) and in all (tcpauthlimit), with one log line when a cap starts to bite.
 */
class SipTcpGuardTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String TCP = "tcpenable=yes\ntcpbindaddr=127.0.0.1:0\nallowguest=no\ncontext=phones\n";
    private static final String PEERS = "[desk]\ntype=friend\nhost=dynamic\nsecret=s3cret\ncontext=phones\n";
    private static final String DIALPLAN = "[phones]\nexten => 100,1,Answer()\n";

    @TempDir Path dir;

    private SipPbxFixture start(String limits) throws IOException {
        return SipPbxFixture.start(dir, TCP + limits, PEERS, DIALPLAN);
    }

    private static InetSocketAddress tcp(SipPbxFixture f) { return f.stack().tcpAddress(); }

    /** Whether an OPTIONS on a fresh connection from {@code from} is answered 200. */
    private static boolean answersOptions(SipPbxFixture f, InetAddress from, String callId) throws IOException {
        try (SipTcpPeer p = new SipTcpPeer(from, tcp(f))) {
            p.write(options(p, callId));
            return "SIP/2.0 200 OK".equals(status(p.read(WAIT)));
        } catch (IOException refused) {
            return false;
        }
    }

    @Test void anEndlessHeaderGets513AndTheConnectionClosesWhileAFreshOneIsAnswered() throws Exception {
        try (SipPbxFixture f = start("maxheadersize=4096");
             SipTcpPeer p = new SipTcpPeer(SipPbxFixture.nextLoopback(), tcp(f))) {
            p.write("OPTIONS sip:x@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:" + p.port() + ";branch=z9hG4bKbig\r\n"
                + "Call-ID: big-1\r\nCSeq: 1 OPTIONS\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:x@127.0.0.1>\r\n");
            byte[] filler = ("X-Filler: " + "a".repeat(1000) + "\r\n").getBytes();
            try {
                for (int sent = 0; sent < 10 << 20; sent += filler.length) p.write(filler); // 10 MB, no blank line
            } catch (IOException closedOnUs) {
                // the PBX may have closed before the flood ended
            }
            String answer = p.read(WAIT);
            assertThat(status(answer)).isEqualTo("SIP/2.0 513 Message Too Large (header section larger than 4096 bytes)");
            assertThat(answer).contains("\r\nCall-ID: big-1\r\n", "\r\nCSeq: 1 OPTIONS\r\n");
            assertThat(p.closedWithin(WAIT)).as("connection closed after the 513").isTrue();
            assertThat(answersOptions(f, SipPbxFixture.nextLoopback(), "after-big")).isTrue();
        }
    }

    @Test void aSlowlorisIsClosedAfterTcpAuthTimeoutHoweverItTrickles() throws Exception {
        try (SipPbxFixture f = start("tcpauthtimeout=1")) {
            InetAddress from = SipPbxFixture.nextLoopback();
            try (SipTcpPeer p = new SipTcpPeer(from, tcp(f))) {
                p.write("OPTIONS sip:x@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1;branch=z9hG4bKslow\r\nX-Slow: ");
                // one byte every 200 ms keeps the idle timer happy, not tcpauthtimeout
                assertThat(p.closedWithin(WAIT, Duration.ofMillis(200), () -> p.write("a"))).isTrue();
            }
            assertThat(f.pbx.logLines("Closing TCP connection from " + from.getHostAddress() + ":"))
                .singleElement().asString().contains("not authenticated within 1 s (tcpauthtimeout)");
            // one that connects and says nothing fares the same
            try (SipTcpPeer silent = new SipTcpPeer(from, tcp(f))) {
                assertThat(silent.closedWithin(WAIT)).isTrue();
            }
        }
    }

    @Test void aConnectionThatAuthenticatesOutlivesTcpAuthTimeoutButNotASlowMessage() throws Exception {
        try (SipPbxFixture f = start("tcpauthtimeout=1");
             SipTcpPeer p = new SipTcpPeer(SipPbxFixture.nextLoopback(), tcp(f))) {
            p.write(register(p, 1, ""));
            String challenge = p.read(WAIT);
            assertThat(status(challenge)).isEqualTo("SIP/2.0 401 Unauthorized");
            String header = Arrays.stream(challenge.split("\r\n")).filter(l -> l.startsWith("WWW-Authenticate:"))
                .filter(l -> l.contains("MD5")).findFirst().orElseThrow().substring("WWW-Authenticate:".length()).trim();
            DigestCredentials cred = DigestCredentials.answer(DigestChallenge.parse(header), "desk", "s3cret", "REGISTER",
                "sip:127.0.0.1", "c0ffee", 1);
            p.write(register(p, 2, "Authorization: " + cred.toHeaderValue() + "\r\n"));
            assertThat(status(p.read(WAIT))).isEqualTo("SIP/2.0 200 OK");
            // trusted now: still open well past tcpauthtimeout, and still answering
            assertThat(p.closedWithin(Duration.ofMillis(2500))).isFalse();
            p.write(options(p, "still-here"));
            assertThat(status(p.read(WAIT))).isEqualTo("SIP/2.0 200 OK");
            // but a message begun must still arrive in full within it
            p.write("OPTIONS sip:x@127.0.0.1 SIP/2.0\r\nX-Slow: ");
            assertThat(p.closedWithin(WAIT, Duration.ofMillis(200), () -> p.write("a"))).isTrue();
            assertThat(f.pbx.logLines("is still incomplete (tcpauthtimeout)")).hasSize(1);
        }
    }

    @Test void thePerAddressCapRefusesTheNextConnectionAndSaysSoOnce() throws Exception {
        try (SipPbxFixture f = start("tcpauthlimitperaddress=3\ntcpauthlimit=100")) {
            InetAddress crowd = SipPbxFixture.nextLoopback();
            List<SipTcpPeer> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    SipTcpPeer p = new SipTcpPeer(crowd, tcp(f));
                    held.add(p);
                    p.write(options(p, "held-" + i));
                    assertThat(status(p.read(WAIT))).isEqualTo("SIP/2.0 200 OK");
                }
                for (int i = 0; i < 2; i++) {
                    try (SipTcpPeer refused = new SipTcpPeer(crowd, tcp(f))) {
                        assertThat(refused.closedWithin(WAIT)).as("connection %d over the cap", 4 + i).isTrue();
                    }
                }
                assertThat(f.pbx.logLines("Refusing TCP connections from " + crowd.getHostAddress() + ":"))
                    .singleElement().asString().contains("3 unauthenticated connections from it are open (tcpauthlimitperaddress)");
                assertThat(answersOptions(f, SipPbxFixture.nextLoopback(), "other-address")).isTrue();
                held.remove(0).close(); // a place is free again once the PBX sees it go
                Awaitility.await().atMost(WAIT).until(() -> answersOptions(f, crowd, "freed"));
            } finally {
                for (SipTcpPeer p : held) p.close();
            }
        }
    }

    @Test void theTotalCapRefusesWhateverTheAddress() throws Exception {
        try (SipPbxFixture f = start("tcpauthlimitperaddress=3\ntcpauthlimit=4")) {
            List<SipTcpPeer> held = new ArrayList<>();
            try {
                for (InetAddress a : List.of(SipPbxFixture.nextLoopback(), SipPbxFixture.nextLoopback())) {
                    for (int i = 0; i < 2; i++) {
                        SipTcpPeer p = new SipTcpPeer(a, tcp(f));
                        held.add(p);
                        p.write(options(p, "total-" + held.size()));
                        assertThat(status(p.read(WAIT))).isEqualTo("SIP/2.0 200 OK");
                    }
                }
                InetAddress late = SipPbxFixture.nextLoopback();
                try (SipTcpPeer refused = new SipTcpPeer(late, tcp(f))) {
                    assertThat(refused.closedWithin(WAIT)).isTrue();
                }
                assertThat(f.pbx.logLines("Refusing TCP connections (first from " + late.getHostAddress() + ")"))
                    .singleElement().asString().contains("4 unauthenticated connections are open (tcpauthlimit)");
            } finally {
                for (SipTcpPeer p : held) p.close();
            }
        }
    }

    private static String register(SipTcpPeer p, int cseq, String extra) {
        return "REGISTER sip:127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 127.0.0.1:" + p.port() + ";branch=z9hG4bKreg" + cseq + ";rport\r\n"
            + "Max-Forwards: 70\r\nFrom: <sip:desk@127.0.0.1>;tag=r1\r\nTo: <sip:desk@127.0.0.1>\r\n"
            + "Call-ID: reg-tcp-1\r\nCSeq: " + cseq + " REGISTER\r\n"
            + "Contact: <sip:desk@127.0.0.1:" + p.port() + ";transport=tcp>\r\nExpires: 60\r\n"
            + extra + "Content-Length: 0\r\n\r\n";
    }
}
