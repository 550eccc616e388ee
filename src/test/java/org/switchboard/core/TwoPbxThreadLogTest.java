package org.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.SipPbxFixture;
import org.switchboard.channels.sip.SipPbxFixture.RawPeer;

/**
 * Two PBXs with SIP in one JVM: a line written on one PBX's socket readers, SIP strands or RTP
 * event loops reaches that PBX's sinks only, never the other's (they used to reach neither: the
 * threads were bound to no PBX, so the line went to the process's log).
 */
class TwoPbxThreadLogTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String GENERAL = "allowguest=yes\ncontext=phones\ntcpenable=yes\ntcpbindaddr=127.0.0.1:0\n";
    private static final String DIALPLAN = "[phones]\nexten => 100,1,Answer()\n same => n,Wait(30)\n";

    @TempDir Path tmp;
    private SipPbxFixture a, b;
    private final List<String> onlyA = new CopyOnWriteArrayList<>();
    private final List<String> onlyB = new CopyOnWriteArrayList<>();

    @BeforeEach
    void twoPbxs() throws Exception {
        a = start("a", 25000);   // RTP ranges no other test uses
        b = start("b", 25100);
        a.pbx.pbx.log().addSink(l -> onlyA.add(l.text()));
        b.pbx.pbx.log().addSink(l -> onlyB.add(l.text()));
    }

    private SipPbxFixture start(String name, int rtpStart) throws Exception {
        Path d = Files.createDirectories(tmp.resolve(name));
        Files.writeString(d.resolve("rtp.conf"), "[general]\nrtpstart=" + rtpStart + "\nrtpend=" + (rtpStart + 98) + "\n");
        return SipPbxFixture.start(d, GENERAL, "", DIALPLAN);
    }

    @AfterEach
    void stop() {
        if (a != null) a.close();
        if (b != null) b.close();
    }

    /** An OPTIONS whose Via header name holds a NUL: a 400 from the socket thread, and a NOTICE. */
    private static byte[] malformed(String transport, int port, String callId) {
        return ("OPTIONS sip:x@127.0.0.1 SIP/2.0\r\nVia\0: SIP/2.0/" + transport + " 127.0.0.1:" + port + ";branch=z9hG4bK" + callId
            + "\r\nMax-Forwards: 70\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:x@127.0.0.1>\r\nCall-ID: " + callId
            + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private void assertOnlyIn(List<String> own, List<String> other, String fragment) {
        await().atMost(WAIT).until(() -> own.stream().anyMatch(l -> l.contains(fragment)));
        assertThat(other).noneMatch(l -> l.contains(fragment));
    }

    @Test
    void aMalformedDatagramIsLoggedByTheUdpReaderOfItsOwnPbxOnly() throws Exception {
        InetAddress fromA = SipPbxFixture.nextLoopback(), fromB = SipPbxFixture.nextLoopback();
        try (RawPeer pa = new RawPeer(fromA); RawPeer pb = new RawPeer(fromB)) {
            pa.sendRaw(a.port(), malformed("UDP", pa.port(), "bad-udp-a"));
            pb.sendRaw(b.port(), malformed("UDP", pb.port(), "bad-udp-b"));
            assertThat(pa.finalResponse(WAIT, "bad-udp-a")).startsWith("SIP/2.0 400");
            assertOnlyIn(onlyA, onlyB, "malformed message from UDP:" + fromA.getHostAddress());
            assertOnlyIn(onlyB, onlyA, "malformed message from UDP:" + fromB.getHostAddress());
        }
    }

    @Test
    void aMalformedMessageOverTcpIsLoggedByItsOwnPbxOnly() throws Exception {
        InetAddress from = SipPbxFixture.nextLoopback();
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(b.stack().tcpAddress(), 2000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(malformed("TCP", s.getLocalPort(), "bad-tcp-b"));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] head = in.readNBytes(12);
            assertThat(new String(head, StandardCharsets.ISO_8859_1)).isEqualTo("SIP/2.0 400 ");
        }
        assertOnlyIn(onlyB, onlyA, "malformed message from TCP:" + from.getHostAddress());
    }

    @Test
    void aCallToNoExtensionIsLoggedOnTheStrandOfItsOwnPbxOnly() throws Exception {
        InetAddress from = SipPbxFixture.nextLoopback();
        try (RawPeer p = new RawPeer(from)) {
            p.send(a.port(), SipPbxFixture.invite(a.port(), p.port(), "alice", "999", "nowhere-a", ""));
            assertThat(p.finalResponse(WAIT, "nowhere-a")).startsWith("SIP/2.0 404");
        }
        assertOnlyIn(onlyA, onlyB, "to extension '999' rejected because extension not found in context 'phones'");
    }

    @Test
    void malformedRtpIsLoggedByTheRtpEventLoopOfItsOwnPbxOnly() throws Exception {
        try (RawPeer p = new RawPeer(SipPbxFixture.nextLoopback())) {
            p.send(b.port(), SipPbxFixture.invite(b.port(), p.port(), "bob", "100", "rtp-b", ""));
            String ok = p.finalResponse(WAIT, "rtp-b");
            assertThat(ok).startsWith("SIP/2.0 200");
            int rtpPort = Integer.parseInt(ok.replaceAll("(?s).*\nm=audio (\\d+) .*", "$1"));
            p.sendRaw(rtpPort, new byte[] {1, 2, 3});   // not RTP version 2, not even a header
            assertOnlyIn(onlyB, onlyA, "dropping malformed RTP/RTCP");
        }
    }
}
