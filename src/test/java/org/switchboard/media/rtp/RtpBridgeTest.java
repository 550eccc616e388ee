package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Frame;
import org.switchboard.core.Frame.VoiceFrame;

/** Native passthrough: packets relayed between two bridged sessions without decoding. */
class RtpBridgeTest {
    RtpEngine engine;
    RtpTestPeer peerA, peerB;
    RtpTestPeer.Recorder recA = new RtpTestPeer.Recorder(), recB = new RtpTestPeer.Recorder();
    RtpSession a, b;

    @BeforeEach
    void open() throws Exception {
        engine = new RtpEngine(RtpTestPeer.LOOPBACK, RtpConfig.defaults().withPorts(31200, 31399));
        peerA = new RtpTestPeer();
        peerB = new RtpTestPeer();
        a = engine.open(recA);
        b = engine.open(recB);
        a.configure("ulaw", 0, 101, 20);
        b.configure("ulaw", 0, 96, 20);
        a.setRemote(peerA.address());
        b.setRemote(peerB.address());
    }

    @AfterEach
    void close() {
        engine.close();
        peerA.close();
        peerB.close();
    }

    @Test
    void relaysWithTheFarSidesSsrcSequenceAndPayloadTypes() throws Exception {
        // B's own stream first: the relayed packets must continue it.
        b.write(new VoiceFrame("ulaw", new byte[160], 160));
        b.write(new VoiceFrame("ulaw", new byte[160], 160));
        RtpPacket own1 = peerB.receiveRtp();
        RtpPacket own2 = peerB.receiveRtp();

        assertThat(a.canBridge(b)).isTrue();
        a.bridgeTo(b);
        b.bridgeTo(a);
        int seq = 40000;
        for (int i = 0; i < 5; i++) {
            peerA.sendRtp(a.localAddress(), i == 0, 0, seq + i, 1000 + 160 * i, 0xABCDEF, RtpTestPeer.payload(160, i));
        }
        int expectedSeq = (own2.sequence() + 1) & 0xFFFF;
        RtpPacket first = null;
        for (int i = 0; i < 5; i++) {
            RtpPacket p = peerB.receiveRtp();
            if (first == null) first = p;
            assertThat(p.ssrc()).isEqualTo(own1.ssrc());
            assertThat(p.sequence()).isEqualTo(expectedSeq);
            assertThat(p.payloadType()).isZero();
            assertThat(p.payload()).isEqualTo(RtpTestPeer.payload(160, i));
            assertThat(p.timestamp() - first.timestamp()).isEqualTo(160 * i);
            assertThat(p.marker()).isEqualTo(i == 0);
            expectedSeq = (expectedSeq + 1) & 0xFFFF;
        }
        assertThat(first.timestamp() - own2.timestamp()).isPositive();

        byte[] ev = RtpSessionTest.event(3, false, 160);
        peerA.sendRtp(a.localAddress(), true, 101, seq + 5, 1800, 0xABCDEF, ev);
        RtpPacket dtmf = peerB.receiveRtp();
        assertThat(dtmf.payloadType()).isEqualTo(96);
        assertThat(dtmf.payload()).isEqualTo(ev);
        assertThat(dtmf.sequence()).isEqualTo(expectedSeq);

        // The other direction, B's DTMF PT 96 becomes A's 101.
        peerB.sendRtp(b.localAddress(), true, 96, 7, 0, 0x777, ev);
        assertThat(peerA.receiveRtp().payloadType()).isEqualTo(101);

        assertThat(recA.frames).isEmpty();
        assertThat(recB.frames).isEmpty();

        a.bridgeTo(null);
        peerA.sendRtp(a.localAddress(), false, 0, seq + 6, 1960, 0xABCDEF, new byte[160]);
        assertThat(recA.next()).isInstanceOf(VoiceFrame.class);
        assertThat(peerB.receive(100)).isNull();
    }

    @Test
    void aRebridgedSourceContinuesTheSameOutgoingStream() throws Exception {
        a.bridgeTo(b);
        peerA.sendRtp(a.localAddress(), true, 0, 100, 0, 1, new byte[160]);
        RtpPacket p1 = peerB.receiveRtp();
        // A new source behind A (a transfer): another SSRC, sequence and timestamp.
        peerA.sendRtp(a.localAddress(), true, 0, 9000, 555555, 2, new byte[160]);
        RtpPacket p2 = peerB.receiveRtp();
        assertThat(p2.ssrc()).isEqualTo(p1.ssrc());
        assertThat(p2.sequence()).isEqualTo((p1.sequence() + 1) & 0xFFFF);
        assertThat(p2.marker()).isTrue();
    }

    @Test
    void onlySessionsWithTheSameCodecBridge() throws Exception {
        RtpSession c = engine.open(new RtpTestPeer.Recorder());
        c.configure("alaw", 8, 101, 20);
        assertThat(a.canBridge(c)).isFalse();
        assertThat(a.canBridge(a)).isFalse();
        assertThatThrownBy(() -> a.bridgeTo(c)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dtmfGoesToTheListenerWhenTheOtherSideHasNoTelephoneEvent() throws Exception {
        b.configure("ulaw", 0, -1, 20);
        a.bridgeTo(b);
        peerA.sendRtp(a.localAddress(), true, 101, 1, 0, 1, RtpSessionTest.event(9, true, 800));
        assertThat(recA.next()).isEqualTo(new Frame.DtmfFrame('9', false, 0));
        assertThat(recA.next()).isEqualTo(new Frame.DtmfFrame('9', true, 100));
    }
}
