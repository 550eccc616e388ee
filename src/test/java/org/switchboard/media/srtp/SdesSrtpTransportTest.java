package org.switchboard.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.sdp.CryptoAttribute;
import org.switchboard.media.rtp.RtpConfig;
import org.switchboard.media.rtp.RtpEngine;
import org.switchboard.net.dtls.Srtp;

/**
 * Two SDES-SRTP transports over real UDP port pairs on loopback: nothing crosses while they wait
 * for keys, plain RTP crosses once the peer declined SRTP, keyed ones carry RTP and RTCP in
 * both directions (for each suite), and a packet with a bad tag is counted, never delivered.
 */
class SdesSrtpTransportTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** One end: the transport and what its handlers received, as bytes. */
    private record End(SdesSrtpTransport t, List<byte[]> rtp, List<byte[]> rtcp) {
        static End open(RtpEngine engine, boolean plainUntilKeyed) throws Exception {
            End e = new End(new SdesSrtpTransport(engine.openUdpTransport(), plainUntilKeyed), new CopyOnWriteArrayList<>(),
                new CopyOnWriteArrayList<>());
            e.t.receive((b, from) -> e.rtp.add(bytes(b)), (b, from) -> e.rtcp.add(bytes(b)));
            return e;
        }
    }

    private static byte[] bytes(ByteBuf b) {
        byte[] out = new byte[b.readableBytes()];
        b.getBytes(b.readerIndex(), out);
        return out;
    }

    private static ByteBuf rtp(int seq) {
        byte[] p = new byte[12 + 160];
        p[0] = (byte) 0x80; p[2] = (byte) (seq >> 8); p[3] = (byte) seq;
        p[8] = 1; p[9] = 2; p[10] = 3; p[11] = 4;
        p[12] = (byte) seq;
        return Unpooled.wrappedBuffer(p);
    }

    private static ByteBuf rtcpReceiverReport() {
        return Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, (byte) 201, 0, 1, 1, 2, 3, 4});
    }

    @org.junit.jupiter.api.BeforeAll
    static void warmUp() { SdesSrtpTransport.warmUp(); } // as a call's set-up does, off the event loops

    @Test
    void waitingPassesNothingPlainPassesPlainKeyedEncryptsBothWaysAndABadTagIsCounted() throws Exception {
        for (CryptoAttribute.Suite suite : CryptoAttribute.Suite.values()) {
            try (RtpEngine engine = new RtpEngine(InetAddress.getLoopbackAddress(), RtpConfig.defaults().withPorts(31600, 31620))) {
                End a = End.open(engine, false), b = End.open(engine, true);
                InetSocketAddress toA = a.t.localAddress(), toB = b.t.localAddress();
                // a waits for keys: what it is asked to send never leaves, what reaches it is dropped
                a.t.sendRtp(rtp(1), toB);
                b.t.sendRtp(rtp(2), toA);
                b.t.sendRtp(rtp(3), toB); // b to itself: plain until keyed, so this one arrives
                await().atMost(WAIT).until(() -> b.rtp.size() == 1);
                assertThat(b.rtp.get(0)[12]).isEqualTo((byte) 3);
                assertThat(a.rtp).isEmpty();
                // keyed: each sends under its own key, unprotects under the other's
                CryptoAttribute ka = CryptoAttribute.fresh(1, suite), kb = CryptoAttribute.fresh(1, suite);
                a.t.secure(Srtp.sdes(ka.key(), ka.salt(), kb.key(), kb.salt(), suite.rtpTagLength));
                b.t.secure(Srtp.sdes(kb.key(), kb.salt(), ka.key(), ka.salt(), suite.rtpTagLength));
                await().atMost(WAIT).until(() -> a.t.mode() == SdesSrtpTransport.Mode.SECURE && b.t.mode() == SdesSrtpTransport.Mode.SECURE);
                assertThat(a.t.capabilities().secure()).isTrue();
                a.t.sendRtp(rtp(10), toB);
                b.t.sendRtp(rtp(11), toA);
                a.t.sendRtcp(rtcpReceiverReport(), new InetSocketAddress(toB.getAddress(), toB.getPort() + 1));
                await().atMost(WAIT).alias(suite + ": b rtp/rtcp, a rtp")
                    .until(() -> b.rtp.size() + "/" + b.rtcp.size() + "/" + a.rtp.size(), org.hamcrest.Matchers.equalTo("2/1/1"));
                assertThat(b.rtp.get(1)).as("decrypted to what was sent").isEqualTo(bytes(rtp(10)));
                assertThat(a.rtp.get(0)).isEqualTo(bytes(rtp(11)));
                assertThat(b.rtcp.get(0)).isEqualTo(bytes(rtcpReceiverReport()));
                // a stranger's packet, and one with a forged tag, are counted and dropped
                try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                    byte[] forged = new byte[12 + 160 + suite.rtpTagLength];
                    System.arraycopy(bytes(rtp(12)), 0, forged, 0, 172);
                    s.send(new DatagramPacket(forged, forged.length, toB));
                }
                await().atMost(WAIT).until(() -> b.t.srtpAuthFailures() == 1);
                assertThat(b.rtp).hasSize(2);
                // the peer declines: plain again
                a.t.plain();
                b.t.plain();
                await().atMost(WAIT).until(() -> a.t.mode() == SdesSrtpTransport.Mode.PLAIN);
                a.t.sendRtp(rtp(20), toB);
                await().atMost(WAIT).until(() -> b.rtp.size() == 3);
                assertThat(b.rtp.get(2)).isEqualTo(bytes(rtp(20)));
                a.t.close();
                b.t.close();
            }
        }
    }
}
