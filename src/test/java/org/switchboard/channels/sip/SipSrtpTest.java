package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.sdp.CryptoAttribute;
import org.switchboard.net.dtls.Srtp;

/**
 * SDES-SRTP (RFC 4568) with a hand-written peer that keys its own SRTP: a peer with
 * {@code encryption=yes} offering RTP/SAVP and an a=crypto line gets an answer with the PBX's
 * key, and Echo() sends its packets back encrypted under it; packets with a bad authentication
 * tag are dropped and counted in {@code sip show channelstats} while the call goes on; an
 * offer whose key is malformed, or one without a=crypto, gets 488 and one log line.
 */
class SipSrtpTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PEERS = "[caller]\ntype=user\ncontext=calls\nencryption=yes\ndisallow=all\nallow=ulaw\n";
    private static final String DIALPLAN = "[calls]\nexten => echo,1,Answer()\n same => n,Echo()\n";

    @TempDir Path dir;

    private static String invite(SipPbxFixture f, SipPbxFixture.RawPeer p, String callId, int rtpPort, String proto, String crypto) {
        String sdp = "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\nm=audio " + rtpPort + " " + proto
            + " 0\na=rtpmap:0 PCMU/8000\n" + (crypto == null ? "" : "a=crypto:" + crypto + "\n");
        String base = SipPbxFixture.invite(f.port(), p.port(), "caller", "echo", callId, "");
        String head = base.substring(0, base.indexOf("Content-Length:"));
        return head + "Content-Length: " + sdp.replace("\n", "\r\n").length() + "\n\n" + sdp;
    }

    @Test
    void echoComesBackEncryptedAndABadAuthTagIsDroppedAndCounted() throws Exception {
        CryptoAttribute ours = CryptoAttribute.fresh(1, CryptoAttribute.Suite.AES_CM_128_HMAC_SHA1_80);
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no", PEERS, DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer();
             DatagramSocket rtp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            p.send(f.port(), invite(f, p, "srtp-1", rtp.getLocalPort(), "RTP/SAVP", ours.value()));
            String ok = p.finalResponse(WAIT, "srtp-1");
            assertThat(ok).startsWith("SIP/2.0 200 OK").contains("m=audio ").contains(" RTP/SAVP 0");
            String cryptoLine = ok.lines().filter(l -> l.startsWith("a=crypto:")).findFirst().orElseThrow();
            CryptoAttribute theirs = ((CryptoAttribute.Ok) CryptoAttribute.parse(cryptoLine.substring(9))).crypto();
            assertThat(theirs.tag()).isEqualTo(1);
            assertThat(theirs.suite()).isEqualTo(CryptoAttribute.Suite.AES_CM_128_HMAC_SHA1_80);
            assertThat(theirs.key()).as("the PBX sends under its own key").isNotEqualTo(ours.key());
            String toLine = ok.lines().filter(l -> l.startsWith("To:")).findFirst().orElseThrow();
            p.send(f.port(), "ACK sip:echo@127.0.0.1:" + f.port() + " SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:" + p.port()
                + ";branch=z9hG4bKack1\nMax-Forwards: 70\nFrom: <sip:caller@127.0.0.1>;tag=t" + "srtp-1".hashCode()
                + "\n" + toLine + "\nCall-ID: srtp-1\nCSeq: 1 ACK\nContent-Length: 0\n\n");
            int pbxRtp = Integer.parseInt(ok.lines().filter(l -> l.startsWith("m=audio ")).findFirst().orElseThrow().split(" ")[1]);
            await().atMost(WAIT).until(() -> !f.pbx.logLines("Echo(\"SIP/caller").isEmpty());
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", pbxRtp);
            rtp.setSoTimeout(2000);
            try (Srtp srtp = Srtp.sdes(ours.key(), ours.salt(), theirs.key(), theirs.salt(), 10)) {
                int seq = 0;
                for (; seq < 10; seq++) assertThat(echo(srtp, rtp, to, seq, false)).as("packet %d echoed, decrypted", seq).isTrue();
                String plainWire = lastWire;
                assertThat(plainWire).as("what travels is not the payload in the clear").doesNotContain("sss");
                for (int i = 0; i < 5; i++, seq++) assertThat(echo(srtp, rtp, to, seq, true)).as("tampered packet %d", seq).isFalse();
                await().atMost(WAIT).until(() -> cli(f, "sip show channelstats").contains("srtp auth failures 5"));
                for (int i = 0; i < 5; i++, seq++) assertThat(echo(srtp, rtp, to, seq, false)).as("the call goes on: %d", seq).isTrue();
            }
        }
    }

    private static String lastWire = "";

    /**
     * Sends RTP packet {@code seq} protected with our key (its tag flipped when {@code tamper}) and
     * reads what comes back; true when a packet came back that decrypts to what was sent.
     */
    private static boolean echo(Srtp srtp, DatagramSocket rtp, InetSocketAddress to, int seq, boolean tamper) throws IOException {
        byte[] pkt = new byte[12 + 160];
        pkt[0] = (byte) 0x80; pkt[2] = (byte) (seq >> 8); pkt[3] = (byte) seq;
        int ts = seq * 160;
        pkt[4] = (byte) (ts >> 24); pkt[5] = (byte) (ts >> 16); pkt[6] = (byte) (ts >> 8); pkt[7] = (byte) ts;
        pkt[8] = 0x12; pkt[9] = 0x34; pkt[10] = 0x56; pkt[11] = 0x78;
        Arrays.fill(pkt, 12, pkt.length, (byte) 's');
        pkt[12] = (byte) seq;
        System.arraycopy(pkt, 0, srtp.txReset(pkt.length), 0, pkt.length);
        int n = srtp.protectRtp();
        byte[] wire = Arrays.copyOf(srtp.txBuffer(), n);
        if (tamper) wire[n - 1] ^= 0x55;
        lastWire = new String(wire, java.nio.charset.StandardCharsets.ISO_8859_1);
        rtp.send(new DatagramPacket(wire, wire.length, to));
        DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
        try {
            rtp.setSoTimeout(tamper ? 300 : 2000);
            rtp.receive(in);
        } catch (SocketTimeoutException e) {
            return false;
        }
        System.arraycopy(in.getData(), 0, srtp.rxReset(in.getLength()), 0, in.getLength());
        int m = srtp.unprotectRtp();
        return m == pkt.length && srtp.rxBuffer()[12] == (byte) seq && srtp.rxBuffer()[100] == 's';
    }

    @Test
    void aMalformedKeyOrNoCryptoAtAllGets488AndOneLogLine() throws Exception {
        try (SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=no", PEERS, DIALPLAN);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer(SipPbxFixture.nextLoopback())) {
            p.send(f.port(), invite(f, p, "bad-key", 40000, "RTP/SAVP", "1 AES_CM_128_HMAC_SHA1_80 inline:not*base64!"));
            assertThat(p.finalResponse(WAIT, "bad-key")).startsWith("SIP/2.0 488");
            assertThat(f.pbx.logLines("rejected: no usable a=crypto in the offer: key is not base64")).hasSize(1);
            p.send(f.port(), invite(f, p, "short-key", 40000, "RTP/SAVP", "1 AES_CM_128_HMAC_SHA1_32 inline:c2hvcnQ="));
            assertThat(p.finalResponse(WAIT, "short-key")).startsWith("SIP/2.0 488");
            assertThat(f.pbx.logLines("key and salt are 5 bytes, AES_CM_128_HMAC_SHA1_32 needs 30")).hasSize(1);
            p.send(f.port(), invite(f, p, "no-crypto", 40000, "RTP/AVP", null));
            assertThat(p.finalResponse(WAIT, "no-crypto")).startsWith("SIP/2.0 488");
            assertThat(f.pbx.logLines("the offer has no a=crypto")).hasSize(1);
            await().atMost(WAIT).until(() -> f.channels("SIP/") == 0);
        }
    }

    private static String cli(SipPbxFixture f, String command) {
        var out = new java.io.StringWriter();
        new org.switchboard.res.cli.CliDispatcher(f.pbx.pbx).execute(command, new java.io.PrintWriter(out, true));
        return out.toString();
    }
}
