package org.switchboard.channels.pjsip;

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
import org.switchboard.channels.sip.SipPbxFixture;
import org.switchboard.channels.sip.SipPbxFixture.RawPeer;
import org.switchboard.channels.sip.sdp.CryptoAttribute;
import org.switchboard.net.dtls.Srtp;

/**
 * {@code media_encryption_optimistic=yes} ("use encryption if possible, but do not fail the call
 * if not", res_pjsip) with a hand-written peer: a plain RTP/AVP offer is answered plain and Echo()
 * returns plain RTP; an SDES offer is answered with our key and the echo comes back encrypted; a
 * malformed key falls back to plain on RTP/AVP but is refused with 488 on RTP/SAVP; our own offer
 * to such an endpoint carries a=crypto (or a=fingerprint) on RTP/AVP, so a plain phone can answer
 * it and the call's media runs plain; a plain baresip hears its tone echoed through either kind.
 */
class PjsipOptimisticEncryptionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String DIALPLAN = "[calls]\nexten => echo,1,Answer()\n same => n,Echo()\n";

    @TempDir Path dir;

    private static String pjsip(String encryption, int phonePort) {
        return """
            [caller]
            type=endpoint
            context=calls
            disallow=all
            allow=ulaw
            media_encryption=%s
            media_encryption_optimistic=yes
            aors=caller

            [caller]
            type=aor
            contact=sip:phone@127.0.0.1:%d

            [caller-identify]
            type=identify
            endpoint=caller
            match=127.0.0.1/32
            """.formatted(encryption, phonePort);
    }

    private static String sdp(int rtpPort, String proto, String crypto) {
        return "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\nm=audio " + rtpPort + " " + proto
            + " 0\na=rtpmap:0 PCMU/8000\n" + (crypto == null ? "" : "a=crypto:" + crypto + "\n");
    }

    private static String invite(PjsipPbxFixture f, RawPeer p, String callId, String sdp) {
        String base = SipPbxFixture.invite(f.port(), p.port(), "caller", "echo", callId, "");
        return base.substring(0, base.indexOf("Content-Length:")) + "Content-Length: " + sdp.replace("\n", "\r\n").length() + "\n\n" + sdp;
    }

    private static void ack(PjsipPbxFixture f, RawPeer p, String callId, String ok) throws IOException {
        String toLine = ok.lines().filter(l -> l.startsWith("To:")).findFirst().orElseThrow();
        p.send(f.port(), "ACK sip:echo@127.0.0.1:" + f.port() + " SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:" + p.port()
            + ";branch=z9hG4bKack" + callId.hashCode() + "\nMax-Forwards: 70\nFrom: <sip:caller@127.0.0.1>;tag=t" + callId.hashCode()
            + "\n" + toLine + "\nCall-ID: " + callId + "\nCSeq: 1 ACK\nContent-Length: 0\n\n");
    }

    private static int mediaPort(String sdpMessage) {
        return Integer.parseInt(sdpMessage.lines().filter(l -> l.startsWith("m=audio ")).findFirst().orElseThrow().split(" ")[1]);
    }

    private static String mLine(String message) {
        return message.lines().filter(l -> l.startsWith("m=audio ")).findFirst().orElseThrow();
    }

    @Test
    void sdesEndpointAnswersAPlainOfferPlainAndEchoesPlainRtp() throws Exception {
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, pjsip("sdes", 9), DIALPLAN);
             RawPeer p = new RawPeer();
             DatagramSocket rtp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            p.send(f.port(), invite(f, p, "plain-1", sdp(rtp.getLocalPort(), "RTP/AVP", null)));
            String ok = p.finalResponse(WAIT, "plain-1");
            assertThat(ok).startsWith("SIP/2.0 200");
            assertThat(mLine(ok)).contains(" RTP/AVP ");
            assertThat(ok).doesNotContain("a=crypto");
            ack(f, p, "plain-1", ok);
            await().atMost(WAIT).until(() -> !f.pbx.logLines("Echo(\"PJSIP/caller").isEmpty());
            assertThat(plainEcho(rtp, new InetSocketAddress("127.0.0.1", mediaPort(ok)))).as("plain RTP echoed as sent").isTrue();
        }
    }

    @Test
    void sdesEndpointAnswersAnSdesOfferEncrypted() throws Exception {
        CryptoAttribute ours = CryptoAttribute.fresh(1, CryptoAttribute.Suite.AES_CM_128_HMAC_SHA1_80);
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, pjsip("sdes", 9), DIALPLAN);
             RawPeer p = new RawPeer();
             DatagramSocket rtp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            // best effort from the phone too: a=crypto on RTP/AVP is answered on RTP/AVP with our key (RFC 3264 §6)
            p.send(f.port(), invite(f, p, "sdes-1", sdp(rtp.getLocalPort(), "RTP/AVP", ours.value())));
            String ok = p.finalResponse(WAIT, "sdes-1");
            assertThat(ok).startsWith("SIP/2.0 200");
            assertThat(mLine(ok)).contains(" RTP/AVP ");
            String line = ok.lines().filter(l -> l.startsWith("a=crypto:")).findFirst().orElseThrow();
            CryptoAttribute theirs = ((CryptoAttribute.Ok) CryptoAttribute.parse(line.substring(9))).crypto();
            ack(f, p, "sdes-1", ok);
            await().atMost(WAIT).until(() -> !f.pbx.logLines("Echo(\"PJSIP/caller").isEmpty());
            assertThat(f.stack().calls().all()).singleElement()
                .satisfies(c -> assertThat(c.rtp().transportCapabilities().name()).isEqualTo("udp-srtp-sdes"));
            try (Srtp srtp = Srtp.sdes(ours.key(), ours.salt(), theirs.key(), theirs.salt(), 10)) {
                assertThat(srtpEcho(srtp, rtp, new InetSocketAddress("127.0.0.1", mediaPort(ok)))).as("echo decrypts").isTrue();
            }
        }
    }

    @Test
    void aMalformedKeyFallsBackToPlainOnAvpAndIsRefusedOnSavp() throws Exception {
        String bad = "1 AES_CM_128_HMAC_SHA1_80 inline:not*base64!";
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, pjsip("sdes", 9), DIALPLAN);
             RawPeer p = new RawPeer();
             DatagramSocket rtp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            p.send(f.port(), invite(f, p, "bad-savp", sdp(rtp.getLocalPort(), "RTP/SAVP", bad)));
            assertThat(p.finalResponse(WAIT, "bad-savp")).startsWith("SIP/2.0 488");
            assertThat(f.pbx.logLines("rejected: no usable a=crypto in the offer: key is not base64")).hasSize(1);
            p.send(f.port(), invite(f, p, "bad-avp", sdp(rtp.getLocalPort(), "RTP/AVP", bad)));
            String ok = p.finalResponse(WAIT, "bad-avp");
            assertThat(ok).startsWith("SIP/2.0 200");
            assertThat(mLine(ok)).contains(" RTP/AVP ");
            assertThat(ok).doesNotContain("a=crypto");
            ack(f, p, "bad-avp", ok);
            await().atMost(WAIT).until(() -> !f.pbx.logLines("Echo(\"PJSIP/caller").isEmpty());
            assertThat(plainEcho(rtp, new InetSocketAddress("127.0.0.1", mediaPort(ok)))).isTrue();
        }
    }

    @Test
    void dtlsEndpointAnswersAPlainOfferPlainAndAPlainSavpOfferGets488() throws Exception {
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, pjsip("dtls", 9), DIALPLAN);
             RawPeer p = new RawPeer();
             DatagramSocket rtp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            p.send(f.port(), invite(f, p, "savp-1", sdp(rtp.getLocalPort(), "UDP/TLS/RTP/SAVP", null)));
            assertThat(p.finalResponse(WAIT, "savp-1")).as("SAVP without a fingerprint").startsWith("SIP/2.0 488");
            p.send(f.port(), invite(f, p, "plain-d", sdp(rtp.getLocalPort(), "RTP/AVP", null)));
            String ok = p.finalResponse(WAIT, "plain-d");
            assertThat(ok).startsWith("SIP/2.0 200");
            assertThat(mLine(ok)).contains(" RTP/AVP ");
            assertThat(ok).doesNotContain("a=fingerprint").doesNotContain("a=ice-ufrag");
            ack(f, p, "plain-d", ok);
            await().atMost(WAIT).until(() -> !f.pbx.logLines("Echo(\"PJSIP/caller").isEmpty());
            assertThat(plainEcho(rtp, new InetSocketAddress("127.0.0.1", mediaPort(ok)))).isTrue();
        }
    }

    @Test
    void ourOfferIsOnAvpWithItsKeysAndAPlainAnswerGivesAPlainCall() throws Exception {
        for (String encryption : new String[] {"sdes", "dtls"}) {
            Path d = java.nio.file.Files.createDirectories(dir.resolve(encryption));
            try (RawPeer phone = new RawPeer();
                 DatagramSocket rtp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                 PjsipPbxFixture f = PjsipPbxFixture.start(d, pjsip(encryption, phone.port()), DIALPLAN)) {
                f.cli("channel originate PJSIP/caller application Echo");
                String invite = phone.receive(WAIT);
                assertThat(invite).startsWith("INVITE ");
                assertThat(mLine(invite)).as(encryption).contains(" RTP/AVP ");
                assertThat(invite).contains(encryption.equals("sdes") ? "a=crypto:" : "a=fingerprint:");
                String ok = answer(invite, sdp(rtp.getLocalPort(), "RTP/AVP", null));
                phone.send(f.port(), ok);
                await().atMost(WAIT).until(() -> f.stack().calls().all().size() == 1
                    && f.stack().calls().all().iterator().next().rtp().transportCapabilities().name().equals("udp"));
                // the PBX's ACK, then plain RTP echoed back from where its offer said
                assertThat(phone.receive(WAIT)).startsWith("ACK ");
                assertThat(plainEcho(rtp, new InetSocketAddress("127.0.0.1", mediaPort(invite)))).as(encryption).isTrue();
            }
        }
    }

    /** A real plain phone (baresip, no media encryption) through an optimistic endpoint of each kind hears its tone echoed. */
    @Test
    void aPlainBaresipCallsEchoThroughAnOptimisticEndpoint() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.switchboard.testing.BaresipPhone.installed(), "baresip");
        for (String encryption : new String[] {"sdes", "dtls"}) {
            Path d = java.nio.file.Files.createDirectories(dir.resolve("baresip-" + encryption));
            String conf = """
                [alice]
                type=endpoint
                context=calls
                disallow=all
                allow=ulaw
                auth=alice
                aors=alice
                media_encryption=%s
                media_encryption_optimistic=yes
                [alice]
                type=auth
                username=alice
                password=alice-pw
                [alice]
                type=aor
                max_contacts=1
                """.formatted(encryption);
            Path tone = org.switchboard.testing.ToneAudio.writeTone(d.resolve("tone.wav"), 1000, 8000, 5);
            Path rec = d.resolve("rec.wav");
            try (PjsipPbxFixture f = PjsipPbxFixture.start(d, conf, DIALPLAN);
                 var a = org.switchboard.testing.BaresipPhone.start(d, "alice", "alice-pw", "127.0.0.1:" + f.port(), tone, rec,
                     java.util.List.of("PCMU"))) {
                a.awaitRegistered(WAIT);
                a.dial("sip:echo@127.0.0.1:" + f.port());
                a.awaitEstablished(WAIT);
                assertThat(f.stack().calls().all()).singleElement().as(encryption)
                    .satisfies(c -> assertThat(c.rtp().transportCapabilities().secure()).isFalse());
                a.awaitHeard(Duration.ofSeconds(2), WAIT);
                a.hangup();
                a.awaitClosed(WAIT);
            }
            assertThat(org.switchboard.testing.ToneAudio.hasTone(rec, 1000)).as(encryption + ": " + org.switchboard.testing.ToneAudio.describe(rec, 1000)).isTrue();
        }
    }

    /** A 200 OK to {@code invite} carrying {@code sdp}. */
    private static String answer(String invite, String sdp) {
        StringBuilder sb = new StringBuilder("SIP/2.0 200 OK\n");
        for (String l : invite.split("\r?\n")) {
            if (l.isEmpty()) break;
            if (l.startsWith("Via:") || l.startsWith("From:") || l.startsWith("Call-ID:") || l.startsWith("CSeq:")) sb.append(l).append('\n');
            if (l.startsWith("To:")) sb.append(l).append(";tag=phone1\n");
        }
        sb.append("Contact: <sip:phone@127.0.0.1>\nContent-Type: application/sdp\nContent-Length: ")
            .append(sdp.replace("\n", "\r\n").length()).append("\n\n").append(sdp);
        return sb.toString();
    }

    private static byte[] packet(int seq) {
        byte[] pkt = new byte[12 + 160];
        pkt[0] = (byte) 0x80; pkt[2] = (byte) (seq >> 8); pkt[3] = (byte) seq;
        int ts = seq * 160;
        pkt[4] = (byte) (ts >> 24); pkt[5] = (byte) (ts >> 16); pkt[6] = (byte) (ts >> 8); pkt[7] = (byte) ts;
        pkt[8] = 0x12; pkt[9] = 0x34; pkt[10] = 0x56; pkt[11] = 0x78;
        Arrays.fill(pkt, 12, pkt.length, (byte) 's');
        pkt[12] = (byte) seq;
        return pkt;
    }

    /** Sends plain RTP packets until one comes back with the payload as sent. */
    private static boolean plainEcho(DatagramSocket rtp, InetSocketAddress to) throws IOException {
        rtp.setSoTimeout(500);
        for (int seq = 0; seq < 20; seq++) {
            byte[] pkt = packet(seq);
            rtp.send(new DatagramPacket(pkt, pkt.length, to));
            DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
            try {
                rtp.receive(in);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (in.getLength() == pkt.length && in.getData()[100] == 's') return true;
        }
        return false;
    }

    /** Sends SRTP packets until one comes back that decrypts to what was sent. */
    private static boolean srtpEcho(Srtp srtp, DatagramSocket rtp, InetSocketAddress to) throws IOException {
        rtp.setSoTimeout(500);
        for (int seq = 0; seq < 20; seq++) {
            byte[] pkt = packet(seq);
            System.arraycopy(pkt, 0, srtp.txReset(pkt.length), 0, pkt.length);
            int n = srtp.protectRtp();
            rtp.send(new DatagramPacket(Arrays.copyOf(srtp.txBuffer(), n), n, to));
            DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
            try {
                rtp.receive(in);
            } catch (SocketTimeoutException e) {
                continue;
            }
            System.arraycopy(in.getData(), 0, srtp.rxReset(in.getLength()), 0, in.getLength());
            if (srtp.unprotectRtp() == pkt.length && srtp.rxBuffer()[100] == 's') return true;
        }
        return false;
    }
}
