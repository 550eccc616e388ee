package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Frame;
import org.switchboard.core.Frame.VoiceFrame;
import org.switchboard.media.codec.Codec;
import org.switchboard.media.codec.Codecs;

/** One session against a plain UDP socket: receive, send, transcode, RFC 4733, comedia, bad input, RTCP. */
class RtpSessionTest {
    RtpEngine engine;
    RtpTestPeer peer;
    RtpTestPeer.Recorder rec = new RtpTestPeer.Recorder();
    RtpSession s;

    @BeforeEach
    void open() throws Exception {
        engine = new RtpEngine(RtpTestPeer.LOOPBACK, RtpConfig.defaults().withPorts(31000, 31199), 200);
        peer = new RtpTestPeer();
        s = engine.open(rec);
        s.configure("ulaw", 0, 101, 20);
    }

    @AfterEach
    void close() {
        engine.close();
        peer.close();
    }

    @Test
    void receivesVoiceAndSendsWritesWithContinuousHeaders() throws Exception {
        byte[] payload = RtpTestPeer.payload(160, 1);
        peer.sendRtp(s.localAddress(), true, 0, 500, 8000, 0x1234, payload);
        VoiceFrame f = (VoiceFrame) rec.next();
        assertThat(f.codec()).isEqualTo("ulaw");
        assertThat(f.payload()).isEqualTo(payload);
        assertThat(f.samples()).isEqualTo(160);
        assertThat(s.packetsReceived()).isEqualTo(1);

        s.setRemote(peer.address());
        for (int i = 0; i < 3; i++) s.write(new VoiceFrame("ulaw", RtpTestPeer.payload(160, i), 160));
        RtpPacket p1 = peer.receiveRtp(), p2 = peer.receiveRtp(), p3 = peer.receiveRtp();
        assertThat(List.of(p1.payloadType(), p2.payloadType(), p3.payloadType())).containsOnly(0);
        assertThat(p2.sequence()).isEqualTo((p1.sequence() + 1) & 0xFFFF);
        assertThat(p3.sequence()).isEqualTo((p1.sequence() + 2) & 0xFFFF);
        assertThat(p2.timestamp() - p1.timestamp()).isEqualTo(160);
        assertThat(p3.timestamp() - p2.timestamp()).isEqualTo(160);
        assertThat(p2.ssrc()).isEqualTo(p1.ssrc()).isEqualTo(p3.ssrc());
        assertThat(List.of(p1.marker(), p2.marker(), p3.marker())).containsExactly(true, false, false);
        assertThat(p3.payload()).isEqualTo(RtpTestPeer.payload(160, 2));
        await().atMost(Duration.ofSeconds(2)).until(() -> s.packetsSent() == 3);
    }

    @Test
    void nothingIsSentWithoutRemoteOrOnHold() throws Exception {
        s.write(new VoiceFrame("ulaw", new byte[160], 160));
        s.setRemote(peer.address());
        s.setHold(true);
        s.write(new VoiceFrame("ulaw", new byte[160], 160));
        assertThat(peer.receive(200)).isNull();
        s.setHold(false);
        s.write(new VoiceFrame("ulaw", new byte[160], 160));
        assertThat(peer.receiveRtp().marker()).isTrue();
        assertThat(s.packetsSent()).isEqualTo(1);
    }

    @Test
    void slinWrittenToAUlawSessionArrivesAsG711() throws Exception {
        s.setRemote(peer.address());
        short[] pcm = new short[160];
        byte[] le = new byte[320];
        for (int i = 0; i < 160; i++) {
            pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
            le[2 * i] = (byte) pcm[i];
            le[2 * i + 1] = (byte) (pcm[i] >> 8);
        }
        s.write(new VoiceFrame("slin", le, 160));
        s.write(new VoiceFrame("slin", le, 160));
        RtpPacket p = peer.receiveRtp();
        RtpPacket q = peer.receiveRtp();
        assertThat(p.payloadType()).isZero();
        assertThat(p.payloadLength()).isEqualTo(160);
        assertThat(q.timestamp() - p.timestamp()).isEqualTo(160);
        short[] decoded = new short[160];
        Codec ulaw = Codecs.create("ulaw");
        assertThat(ulaw.decode(p.payload(), 0, 160, decoded, 0)).isEqualTo(160);
        for (int i = 0; i < 160; i++) {
            assertThat(Math.abs(decoded[i] - pcm[i])).as("sample %d", i).isLessThanOrEqualTo(8 + Math.abs(pcm[i]) / 16);
        }
    }

    @Test
    void g722TimestampsAdvanceAt8000PerSecond() throws Exception {
        s.configure("g722", 9, -1, 20);
        s.setRemote(peer.address());
        for (int i = 0; i < 3; i++) s.write(new VoiceFrame("g722", RtpTestPeer.payload(160, i), 320));
        RtpPacket p1 = peer.receiveRtp(), p2 = peer.receiveRtp(), p3 = peer.receiveRtp();
        assertThat(p1.payloadType()).isEqualTo(9);
        assertThat(p2.timestamp() - p1.timestamp()).isEqualTo(160);
        assertThat(p3.timestamp() - p2.timestamp()).isEqualTo(160);
        peer.sendRtp(s.localAddress(), false, 9, 1, 0, 7, RtpTestPeer.payload(160, 0));
        VoiceFrame f = (VoiceFrame) rec.next();
        assertThat(f.codec()).isEqualTo("g722");
        assertThat(f.samples()).isEqualTo(320); // counted at G.722's 16 kHz
        assertThat(s.sendDtmf('1', 100)).isFalse(); // no telephone-event negotiated
    }

    @Test
    void rfc4733EventsInBecomeOneBeginAndOneEnd() throws Exception {
        InetSocketAddress to = s.localAddress();
        int ts = 16000;
        int seq = 10;
        peer.sendRtp(to, true, 101, seq++, ts, 99, event(5, false, 160));
        peer.sendRtp(to, false, 101, seq++, ts, 99, event(5, false, 320));
        peer.sendRtp(to, false, 101, seq++, ts, 99, event(5, false, 480));
        for (int i = 0; i < 3; i++) peer.sendRtp(to, false, 101, seq++, ts, 99, event(5, true, 640));
        assertThat(rec.next()).isEqualTo(new Frame.DtmfFrame('5', false, 0));
        assertThat(rec.next()).isEqualTo(new Frame.DtmfFrame('5', true, 80));
        peer.sendRtp(to, false, 0, seq, ts + 640, 99, new byte[160]); // after the event: voice, nothing more
        assertThat(rec.next()).isInstanceOf(VoiceFrame.class);
        assertThat(rec.frames).isEmpty();
    }

    @Test
    void sendDtmfPacesRfc4733Events() throws Exception {
        s.setRemote(peer.address());
        s.write(new VoiceFrame("ulaw", new byte[160], 160));
        RtpPacket voice = peer.receiveRtp();
        assertThat(s.sendDtmf('7', 100)).isTrue();
        s.write(new VoiceFrame("ulaw", new byte[160], 160)); // suppressed while the digit is sent
        List<RtpPacket> events = new ArrayList<>();
        int ends = 0;
        while (ends < 3) {
            RtpPacket p = peer.receiveRtp();
            assertThat(p.payloadType()).isEqualTo(101);
            events.add(p);
            if (TelephoneEvent.parse(p.buffer(), p.payloadOffset(), p.payloadLength()).end()) ends++;
        }
        assertThat(events.getFirst().marker()).isTrue();
        assertThat(events.getFirst().sequence()).isEqualTo((voice.sequence() + 1) & 0xFFFF);
        int lastDuration = 0;
        for (int i = 0; i < events.size(); i++) {
            RtpPacket p = events.get(i);
            TelephoneEvent ev = TelephoneEvent.parse(p.buffer(), p.payloadOffset(), p.payloadLength());
            assertThat(p.timestamp()).isEqualTo(events.getFirst().timestamp());
            assertThat(p.ssrc()).isEqualTo(voice.ssrc());
            assertThat(ev.digit()).isEqualTo('7');
            assertThat(ev.duration()).isGreaterThanOrEqualTo(lastDuration);
            assertThat(ev.end()).isEqualTo(i >= events.size() - 3);
            lastDuration = ev.duration();
        }
        assertThat(lastDuration).isEqualTo(800);
        assertThat(peer.receive(100)).isNull(); // the voice written meanwhile was not sent
        s.write(new VoiceFrame("ulaw", new byte[160], 160));
        RtpPacket after = peer.receiveRtp();
        assertThat(after.payloadType()).isZero();
        assertThat(after.timestamp() - events.getFirst().timestamp()).isGreaterThanOrEqualTo(800);
    }

    @Test
    void comediaSendsToTheSourceAndStrictRtpDropsOthers() throws Exception {
        try (RtpTestPeer wrong = new RtpTestPeer(); RtpTestPeer intruder = new RtpTestPeer()) {
            s.setRemote(wrong.address());
            s.setComedia(true);
            peer.sendRtp(s.localAddress(), true, 0, 1, 0, 42, new byte[160]);
            assertThat(rec.next()).isInstanceOf(VoiceFrame.class);
            s.write(new VoiceFrame("ulaw", new byte[160], 160));
            assertThat(peer.receiveRtp().payloadType()).isZero();
            assertThat(wrong.receive(100)).isNull();

            intruder.sendRtp(s.localAddress(), false, 0, 2, 160, 43, new byte[160]);
            await().atMost(Duration.ofSeconds(2)).until(() -> s.packetsDropped() == 1);
            assertThat(rec.frames).isEmpty();
            assertThat(s.packetsReceived()).isEqualTo(1);
        }
    }

    @Test
    void malformedPacketsAreCountedAndTheSessionKeepsWorking() throws Exception {
        InetSocketAddress rtp = s.localAddress();
        InetSocketAddress rtcp = new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1);
        peer.send(new byte[] {(byte) 0x80}, rtp);
        byte[] v1 = new byte[172];
        v1[0] = 0x40;
        peer.send(v1, rtp);
        byte[] garbage = new byte[100];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = 0x3F; // version 0
        peer.send(garbage, rtp);
        peer.send(garbage, rtcp);
        await().atMost(Duration.ofSeconds(2)).until(() -> s.badPackets() == 4);
        peer.sendRtp(rtp, true, 0, 1, 0, 42, new byte[160]);
        assertThat(rec.next()).isInstanceOf(VoiceFrame.class);
        assertThat(s.badPackets()).isEqualTo(4);
    }

    @Test
    void stunChecksOnTheRtpPortAreIgnoredQuietly() throws Exception {
        byte[] stun = new byte[20]; // Binding Request, no attributes (RFC 8489 §5)
        stun[1] = 0x01;
        stun[4] = 0x21; stun[5] = 0x12; stun[6] = (byte) 0xA4; stun[7] = 0x42;
        peer.send(stun, s.localAddress());
        peer.sendRtp(s.localAddress(), true, 0, 1, 0, 42, new byte[160]);
        assertThat(rec.next()).isInstanceOf(VoiceFrame.class);
        assertThat(s.badPackets()).isZero();
        assertThat(s.packetsReceived()).isEqualTo(1);
    }

    @Test
    void unknownPayloadTypesAreDropped() throws Exception {
        peer.sendRtp(s.localAddress(), true, 8, 1, 0, 42, new byte[160]);
        peer.sendRtp(s.localAddress(), false, 0, 2, 160, 42, new byte[160]);
        assertThat(rec.next()).isInstanceOf(VoiceFrame.class);
        assertThat(s.packetsDropped()).isEqualTo(1);
    }

    @Test
    void rtcpReportsCarryTheReceiveStatisticsAndLsr() throws Exception {
        peer.close();
        RtpTestPeer[] pair = RtpTestPeer.withRtcp();
        peer = pair[0];
        try (RtpTestPeer rtcpPeer = pair[1]) {
            InetSocketAddress local = s.localAddress();
            byte[] sr = new byte[64];
            int n = RtcpWriter.write(new RtcpPacket.SenderReport(0x5555, 0x0000_1234_5678_0000L, 0, 1, 160,
                List.of()), sr, 0);
            rtcpPeer.send(java.util.Arrays.copyOf(sr, n), new InetSocketAddress(local.getAddress(), local.getPort() + 1));
            for (int i = 0; i < 5; i++) peer.sendRtp(local, i == 0, 0, 100 + (i == 4 ? 5 : i), 160 * i, 0x5555, new byte[160]);
            s.setRemote(peer.address());
            await().atMost(Duration.ofSeconds(2)).until(() -> s.packetsReceived() == 5 && s.rtcpReceived() == 1);
            RtcpPacket.ReceiverReport rr = null;
            while (rr == null) {
                byte[] b = rtcpPeer.receive(2000);
                assertThat(b).as("an RTCP report").isNotNull();
                RtcpParser.Result r = RtcpParser.parse(b, 0, b.length);
                assertThat(r).isInstanceOf(RtcpParser.Compound.class);
                List<RtcpPacket> packets = ((RtcpParser.Compound) r).packets();
                assertThat(packets.get(1)).isInstanceOf(RtcpPacket.SourceDescription.class);
                if (packets.getFirst() instanceof RtcpPacket.ReceiverReport got && !got.reports().isEmpty()
                        && got.reports().getFirst().highestSequence() == 105) {
                    rr = got;
                }
            }
            RtcpPacket.ReportBlock block = rr.reports().getFirst();
            assertThat(block.ssrc()).isEqualTo(0x5555);
            assertThat(block.lastSr()).isEqualTo(0x12345678);
            assertThat(block.cumulativeLost()).isEqualTo(1);
            assertThat(block.highestSequence()).isEqualTo(105);
            assertThat(s.packetsLost()).isEqualTo(1);
        }
    }

    @Test
    void senderReportsGoToTheRemotePortPlusOne() throws Exception {
        peer.close();
        RtpTestPeer[] pair = RtpTestPeer.withRtcp();
        peer = pair[0];
        try (RtpTestPeer rtcpPeer = pair[1]) {
            s.setRemote(peer.address());
            s.write(new VoiceFrame("ulaw", new byte[160], 160));
            RtpPacket sent = peer.receiveRtp();
            RtcpPacket.SenderReport sr = null;
            while (sr == null) {
                byte[] b = rtcpPeer.receive(2000);
                assertThat(b).as("an RTCP report").isNotNull();
                if (RtcpParser.parse(b, 0, b.length) instanceof RtcpParser.Compound c
                        && c.packets().getFirst() instanceof RtcpPacket.SenderReport got) {
                    sr = got;
                }
            }
            assertThat(sr.ssrc()).isEqualTo(sent.ssrc());
            assertThat(sr.packetCount()).isEqualTo(1);
            assertThat(sr.octetCount()).isEqualTo(160);
            assertThat(sr.reports()).isEmpty(); // nothing received yet
            assertThat(s.rtcpSent()).isPositive();
        }
    }

    @Test
    void aReconfigureKeepsTheStreamAndSetsTheMarker() throws Exception {
        s.setRemote(peer.address());
        s.write(new VoiceFrame("ulaw", new byte[160], 160));
        s.write(new VoiceFrame("ulaw", new byte[160], 160));
        s.configure("alaw", 8, 101, 20);
        s.write(new VoiceFrame("ulaw", new byte[160], 160)); // now transcoded to alaw
        RtpPacket p1 = peer.receiveRtp(), p2 = peer.receiveRtp(), p3 = peer.receiveRtp();
        assertThat(p2.marker()).isFalse();
        assertThat(p3.marker()).isTrue();
        assertThat(p3.payloadType()).isEqualTo(8);
        assertThat(p3.payloadLength()).isEqualTo(160);
        assertThat(p3.ssrc()).isEqualTo(p1.ssrc());
        assertThat(p3.sequence()).isEqualTo((p2.sequence() + 1) & 0xFFFF);
        assertThat(p3.timestamp() - p2.timestamp()).isEqualTo(160);
        assertThat(s.codec()).isEqualTo("alaw");
    }

    static byte[] event(int ev, boolean end, int duration) {
        byte[] b = new byte[4];
        TelephoneEvent.write(b, 0, ev, end, 10, duration);
        return b;
    }
}
