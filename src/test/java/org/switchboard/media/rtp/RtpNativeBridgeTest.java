package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.DefaultEventExecutor;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Bridge;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelTech;
import org.switchboard.core.Frame;
import org.switchboard.core.MediaStream;
import org.switchboard.testing.TestPbx;

/**
 * Bridge and Echo() pass packets natively by what the legs' streams say (codec, transport), not by
 * the channels' technology: here two legs of a technology the PBX has never heard of, one whose
 * RTP runs over the in-memory transport and one over UDP.
 */
class RtpNativeBridgeTest {
    TestPbx t;
    RtpEngine engine;
    DefaultEventExecutor nearLoop = new DefaultEventExecutor(), farLoop = new DefaultEventExecutor();
    MemoryRtpTransport far;
    final BlockingQueue<byte[]> farRtp = new LinkedBlockingQueue<>();
    RtpTestPeer udpPeer;
    final Leg memoryLeg = new Leg(), udpLeg = new Leg();

    /** A made-up technology: its channel's audio is one RTP session; what the bridge writes to it is kept. */
    static final class Leg implements ChannelTech, RtpSession.Listener {
        final AtomicReference<Channel> channel = new AtomicReference<>();
        final BlockingQueue<Frame> written = new LinkedBlockingQueue<>();
        RtpSession rtp;

        @Override public MediaStream mediaStream(Channel self) { return rtp; }
        @Override public void write(Channel c, Frame f) { written.add(f); }
        @Override public void onVoice(RtpSession s, Frame.VoiceFrame f) { queue(f); }
        @Override public void onDtmf(RtpSession s, Frame.DtmfFrame f) { queue(f); }

        private void queue(Frame f) {
            Channel c = channel.get();
            if (c != null) c.queueFrame(f);
        }
    }

    @BeforeEach
    void open() throws Exception {
        t = new TestPbx();
        engine = new RtpEngine(RtpTestPeer.LOOPBACK, RtpConfig.defaults().withPorts(31900, 31999));
        MemoryRtpTransport[] ends = MemoryRtpTransport.pair(nearLoop, farLoop);
        far = ends[1];
        far.receive((b, from) -> farRtp.add(ByteBufUtil.getBytes(b)), (b, from) -> { });
        memoryLeg.rtp = engine.open(ends[0], memoryLeg);
        memoryLeg.rtp.configure("ulaw", 0, 101, 20);
        memoryLeg.rtp.setRemote(far.localAddress());
        udpPeer = new RtpTestPeer();
        udpLeg.rtp = engine.open(udpLeg);
        udpLeg.rtp.configure("ulaw", 0, 96, 20);
        udpLeg.rtp.setRemote(udpPeer.address());
    }

    @AfterEach
    void close() {
        engine.close();
        udpPeer.close();
        t.close();
        nearLoop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        farLoop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    }

    @Test
    void legsAgreeingOnTheCodecAreBridgedNativelyWhateverTheirTechnology() throws Exception {
        Channel a = channel("Memory/alice", memoryLeg), b = channel("Udp/bob", udpLeg);
        Thread bridge = Thread.ofVirtual().start(() -> Bridge.run(a, b, 0));
        await().atMost(Duration.ofSeconds(2)).until(() -> udpLeg.rtp.relayPeer() == memoryLeg.rtp);
        farSendsRtp(true, 0, 1, 0, RtpTestPeer.payload(160, 5));
        assertThat(udpPeer.receiveRtp().payload()).isEqualTo(RtpTestPeer.payload(160, 5));
        udpPeer.sendRtp(udpLeg.rtp.localAddress(), true, 0, 1, 0, 0x99, RtpTestPeer.payload(160, 6));
        assertThat(farReceivesRtp().payload()).isEqualTo(RtpTestPeer.payload(160, 6));
        assertThat(memoryLeg.written).isEmpty(); // nothing went through frames
        assertThat(udpLeg.written).isEmpty();

        a.queueFrame(Frame.control(Frame.Control.HANGUP));
        bridge.join(2000);
        assertThat(bridge.isAlive()).isFalse();
        assertThat(memoryLeg.rtp.relayPeer()).isNull();
        assertThat(udpLeg.rtp.relayPeer()).isNull();
        assertThat(t.logLines("Native RTP bridge of Memory/alice-")).singleElement().asString()
            .contains("Udp/bob-").contains("(ulaw, no transcoding)");
    }

    @Test
    void legsWithDifferentCodecsGoThroughFrames() throws Exception {
        udpLeg.rtp.configure("alaw", 8, 96, 20);
        Channel a = channel("Memory/alice", memoryLeg), b = channel("Udp/bob", udpLeg);
        Thread bridge = Thread.ofVirtual().start(() -> Bridge.run(a, b, 0));
        await().atMost(Duration.ofSeconds(2)).until(() -> a.bridgedPeer() == b);
        farSendsRtp(true, 0, 1, 0, RtpTestPeer.payload(160, 5));
        Frame f = udpLeg.written.poll(2, TimeUnit.SECONDS); // up as a frame, for the other leg to transcode
        assertThat(f).isInstanceOf(Frame.VoiceFrame.class);
        assertThat(((Frame.VoiceFrame) f).payload()).isEqualTo(RtpTestPeer.payload(160, 5));
        assertThat(memoryLeg.rtp.relayPeer()).isNull();
        a.queueFrame(Frame.control(Frame.Control.HANGUP));
        bridge.join(2000);
        assertThat(t.logLines("Native RTP bridge")).isEmpty();
    }

    @Test
    void echoTurnsTheLegsPacketsAroundWhateverItsTechnology() throws Exception {
        t.dialplan("[ctx]\nexten => s,1,Echo()\n same => n,Verbose(1,@echo done)\n");
        Channel c = channel("Memory/carol", memoryLeg);
        c.setLocation("ctx", "s", 1);
        Thread.ofVirtual().start(() -> t.pbx.runPbx(c));
        await().atMost(Duration.ofSeconds(2)).until(() -> memoryLeg.rtp.relayPeer() == memoryLeg.rtp);
        farSendsRtp(true, 0, 1, 0, RtpTestPeer.payload(160, 7));
        assertThat(farReceivesRtp().payload()).isEqualTo(RtpTestPeer.payload(160, 7));
        assertThat(memoryLeg.written).isEmpty(); // the voice did not go up through Echo's frames

        farSendsRtp(true, 101, 2, 160, RtpSessionTest.event(11, true, 800)); // '#' ends Echo()
        await().atMost(Duration.ofSeconds(2)).until(() -> !t.said("@echo done").isEmpty());
        assertThat(memoryLeg.rtp.relayPeer()).isNull();
    }

    private Channel channel(String name, Leg leg) {
        Channel c = t.pbx.allocChannel(name + "-" + t.pbx.channels().nextSuffix(), leg, null);
        leg.channel.set(c);
        return c;
    }

    private void farSendsRtp(boolean marker, int pt, int seq, int ts, byte[] payload) {
        byte[] b = new byte[12 + payload.length];
        RtpWriter.write(b, 0, marker, pt, seq, ts, 0x1234, payload, 0, payload.length);
        far.sendRtp(Unpooled.wrappedBuffer(b), memoryLeg.rtp.localAddress());
    }

    private RtpPacket farReceivesRtp() throws InterruptedException {
        byte[] b = farRtp.poll(2, TimeUnit.SECONDS);
        if (b == null) throw new AssertionError("no RTP across the memory transport within 2 s");
        if (!(RtpParser.parse(b) instanceof RtpPacket p)) throw new AssertionError("not RTP");
        return p;
    }
}
