package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.DefaultEventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Frame;
import org.switchboard.core.Frame.VoiceFrame;

/**
 * The stream over a second transport: {@link MemoryRtpTransport}, multiplexed and scrambled on
 * the wire like ICE + DTLS-SRTP. Voice, RFC 4733 digits and RTCP reports cross it, and a session
 * on it relays natively to and from a UDP session; nothing in the stream knows the difference.
 */
class RtpTransportSeamTest {
    RtpEngine engine;
    DefaultEventExecutor nearLoop = new DefaultEventExecutor(), farLoop = new DefaultEventExecutor();
    MemoryRtpTransport near, far;
    final BlockingQueue<byte[]> farRtp = new LinkedBlockingQueue<>(), farRtcp = new LinkedBlockingQueue<>();
    final RtpTestPeer.Recorder rec = new RtpTestPeer.Recorder();
    RtpSession s;

    @BeforeEach
    void open() throws Exception {
        engine = new RtpEngine(RtpTestPeer.LOOPBACK, RtpConfig.defaults().withPorts(31800, 31899), 200);
        MemoryRtpTransport[] ends = MemoryRtpTransport.pair(nearLoop, farLoop);
        near = ends[0];
        far = ends[1];
        far.receive((b, from) -> farRtp.add(ByteBufUtil.getBytes(b)), (b, from) -> farRtcp.add(ByteBufUtil.getBytes(b)));
        s = engine.open(near, rec);
        s.configure("ulaw", 0, 101, 20);
        s.setRemote(far.localAddress());
    }

    @AfterEach
    void close() {
        engine.close();
        nearLoop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        farLoop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    }

    @Test
    void voiceCrossesBothWays() throws Exception {
        byte[] payload = RtpTestPeer.payload(160, 1);
        farSendsRtp(true, 0, 500, 8000, 0x1234, payload);
        VoiceFrame f = (VoiceFrame) rec.next();
        assertThat(f.codec()).isEqualTo("ulaw");
        assertThat(f.payload()).isEqualTo(payload); // unscrambled by the transport, not the stream
        assertThat(f.samples()).isEqualTo(160);

        for (int i = 0; i < 3; i++) s.write(new VoiceFrame("ulaw", RtpTestPeer.payload(160, i), 160));
        RtpPacket p1 = farReceivesRtp(), p2 = farReceivesRtp(), p3 = farReceivesRtp();
        assertThat(List.of(p1.marker(), p2.marker(), p3.marker())).containsExactly(true, false, false);
        assertThat(p2.sequence()).isEqualTo((p1.sequence() + 1) & 0xFFFF);
        assertThat(p3.timestamp() - p2.timestamp()).isEqualTo(160);
        assertThat(p3.ssrc()).isEqualTo(p1.ssrc());
        assertThat(p3.payload()).isEqualTo(RtpTestPeer.payload(160, 2));
        assertThat(s.packetsReceived()).isEqualTo(1);
        assertThat(s.transportCapabilities().secure()).isTrue();
        assertThat(s.localAddress()).isEqualTo(near.localAddress());
    }

    @Test
    void rfc4733DigitsCrossBothWays() throws Exception {
        farSendsRtp(true, 101, 10, 16000, 99, RtpSessionTest.event(5, false, 160));
        for (int i = 0; i < 3; i++) farSendsRtp(false, 101, 11 + i, 16000, 99, RtpSessionTest.event(5, true, 640));
        assertThat(rec.next()).isEqualTo(new Frame.DtmfFrame('5', false, 0));
        assertThat(rec.next()).isEqualTo(new Frame.DtmfFrame('5', true, 80));

        assertThat(s.sendDtmf('7', 100)).isTrue();
        List<TelephoneEvent> events = new ArrayList<>();
        while (events.stream().filter(TelephoneEvent::end).count() < 3) {
            RtpPacket p = farReceivesRtp();
            assertThat(p.payloadType()).isEqualTo(101);
            events.add(TelephoneEvent.parse(p.buffer(), p.payloadOffset(), p.payloadLength()));
        }
        assertThat(events).extracting(TelephoneEvent::digit).containsOnly('7');
        assertThat(events.getLast().duration()).isEqualTo(800);
    }

    @Test
    void rtcpReportsCrossTheMultiplexedFlow() throws Exception {
        s.write(new VoiceFrame("ulaw", new byte[160], 160));
        RtpPacket sent = farReceivesRtp();
        RtcpPacket.SenderReport sr = null;
        while (sr == null) {
            if (farReceivesRtcp().getFirst() instanceof RtcpPacket.SenderReport got) sr = got;
        }
        assertThat(sr.ssrc()).isEqualTo(sent.ssrc());
        assertThat(sr.packetCount()).isEqualTo(1);
        assertThat(near.lastRtcpTo).as("rtcp-mux: RTCP goes to the RTP address").isEqualTo(far.localAddress());

        // the far end's SR and RTP come back on the one flow; RFC 5761 tells them apart
        byte[] farSr = new byte[64];
        int n = RtcpWriter.write(new RtcpPacket.SenderReport(0x5555, 0x0000_1234_5678_0000L, 0, 1, 160, List.of()), farSr, 0);
        far.sendRtcp(Unpooled.wrappedBuffer(farSr, 0, n), near.localAddress());
        for (int i = 0; i < 3; i++) farSendsRtp(i == 0, 0, 100 + i, 160 * i, 0x5555, new byte[160]);
        await().atMost(Duration.ofSeconds(2)).until(() -> s.rtcpReceived() == 1 && s.packetsReceived() == 3);
        assertThat(s.badPackets()).isZero();
        RtcpPacket.ReportBlock block = null;
        while (block == null) {
            List<RtcpPacket> compound = farReceivesRtcp();
            if (compound.getFirst() instanceof RtcpPacket.SenderReport got && !got.reports().isEmpty()) {
                block = got.reports().getFirst();
            }
        }
        assertThat(block.ssrc()).isEqualTo(0x5555);
        assertThat(block.lastSr()).isEqualTo(0x12345678);
        assertThat(block.highestSequence()).isEqualTo(102);
    }

    @Test
    void aSessionOnItRelaysNativelyToAUdpSession() throws Exception {
        RtpTestPeer.Recorder recU = new RtpTestPeer.Recorder();
        try (RtpTestPeer udpPeer = new RtpTestPeer()) {
            RtpSession u = engine.open(recU);
            u.configure("ulaw", 0, 96, 20);
            u.setRemote(udpPeer.address());
            assertThat(s.canRelay(u)).isTrue();
            assertThat(s.relayWith(u)).isTrue();
            assertThat(u.relayPeer()).isSameAs(s);

            for (int i = 0; i < 3; i++) farSendsRtp(i == 0, 0, 7000 + i, 160 * i, 0xABCDEF, RtpTestPeer.payload(160, i));
            RtpPacket first = udpPeer.receiveRtp();
            assertThat(first.payload()).isEqualTo(RtpTestPeer.payload(160, 0));
            assertThat(first.ssrc()).isNotEqualTo(0xABCDEF); // the UDP leg's own stream
            for (int i = 1; i < 3; i++) {
                RtpPacket p = udpPeer.receiveRtp();
                assertThat(p.payload()).isEqualTo(RtpTestPeer.payload(160, i));
                assertThat(p.sequence()).isEqualTo((first.sequence() + i) & 0xFFFF);
                assertThat(p.ssrc()).isEqualTo(first.ssrc());
            }
            farSendsRtp(true, 101, 7003, 480, 0xABCDEF, RtpSessionTest.event(3, false, 160));
            assertThat(udpPeer.receiveRtp().payloadType()).isEqualTo(96); // the UDP leg's telephone-event

            udpPeer.sendRtp(u.localAddress(), true, 0, 1, 0, 0x777, RtpTestPeer.payload(160, 9));
            RtpPacket back = farReceivesRtp();
            assertThat(back.payloadType()).isZero();
            assertThat(back.payload()).isEqualTo(RtpTestPeer.payload(160, 9));
            udpPeer.sendRtp(u.localAddress(), true, 96, 2, 160, 0x777, RtpSessionTest.event(4, false, 160));
            assertThat(farReceivesRtp().payloadType()).isEqualTo(101);
            assertThat(rec.frames).isEmpty();
            assertThat(recU.frames).isEmpty();

            s.endRelay(); // both directions: each leg's packets go up as frames again
            assertThat(u.relayPeer()).isNull();
            farSendsRtp(false, 0, 7004, 640, 0xABCDEF, new byte[160]);
            udpPeer.sendRtp(u.localAddress(), false, 0, 3, 320, 0x777, new byte[160]);
            assertThat(rec.next()).isInstanceOf(VoiceFrame.class);
            assertThat(recU.next()).isInstanceOf(VoiceFrame.class);
        }
    }

    @Test
    void echoTurnsPacketsAroundOnTheSameTransport() throws Exception {
        assertThat(s.echo()).isTrue();
        farSendsRtp(true, 0, 1, 0, 0x4242, RtpTestPeer.payload(160, 3));
        RtpPacket back = farReceivesRtp();
        assertThat(back.payload()).isEqualTo(RtpTestPeer.payload(160, 3));
        assertThat(back.ssrc()).isNotEqualTo(0x4242);
        assertThat(rec.frames).isEmpty();
        s.endRelay();
        farSendsRtp(false, 0, 2, 160, 0x4242, new byte[160]);
        assertThat(rec.next()).isInstanceOf(VoiceFrame.class);
        assertThat(farRtp.poll(100, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aTransportThatCannotRelayKeepsItsLegOnFrames() throws Exception {
        MemoryRtpTransport[] ends = MemoryRtpTransport.pair(nearLoop, farLoop,
            new RtpTransport.Capabilities("memory-no-relay", true, true, false));
        RtpSession x = engine.open(ends[0], new RtpTestPeer.Recorder());
        x.configure("ulaw", 0, 101, 20);
        assertThat(x.canRelay(s)).isFalse();
        assertThat(s.canRelay(x)).isFalse();
        assertThat(x.relayWith(s)).isFalse();
        assertThat(x.echo()).isFalse();
        assertThat(s.relayPeer()).isNull();
        x.close();
        assertThat(s.echo()).isTrue(); // the session on the relaying transport still can
    }

    private void farSendsRtp(boolean marker, int pt, int seq, int ts, int ssrc, byte[] payload) {
        byte[] b = new byte[12 + payload.length];
        RtpWriter.write(b, 0, marker, pt, seq, ts, ssrc, payload, 0, payload.length);
        far.sendRtp(Unpooled.wrappedBuffer(b), near.localAddress());
    }

    private RtpPacket farReceivesRtp() throws InterruptedException {
        byte[] b = farRtp.poll(2, TimeUnit.SECONDS);
        if (b == null) throw new AssertionError("no RTP across the memory transport within 2 s");
        if (!(RtpParser.parse(b) instanceof RtpPacket p)) throw new AssertionError("not RTP");
        return p;
    }

    private List<RtcpPacket> farReceivesRtcp() throws InterruptedException {
        byte[] b = farRtcp.poll(2, TimeUnit.SECONDS);
        if (b == null) throw new AssertionError("no RTCP across the memory transport within 2 s");
        if (!(RtcpParser.parse(b, 0, b.length) instanceof RtcpParser.Compound c)) throw new AssertionError("not RTCP");
        return c.packets();
    }
}
