package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A second {@link RtpTransport}, in memory, to show that the stream does not care what carries it:
 * two ends joined back to back, each with its own event loop. It stands in for ICE + DTLS-SRTP:
 * by default one flow carries RTP and RTCP (rtcp-mux, told apart on arrival by RFC 5761 §4), and
 * what crosses is scrambled after the header (XOR, standing for SRTP's encryption, RFC 3711 §3.1:
 * header in the clear, payload not), so a stream that saw wire bytes would hear noise.
 */
final class MemoryRtpTransport implements RtpTransport {
    private static final int RTP_CLEAR = 12;  // SRTP leaves the fixed RTP header readable
    private static final int RTCP_CLEAR = 8;  // SRTCP: the first header and the sender's SSRC
    private static final byte MASK = 0x5A;

    private final EventExecutor loop;
    private final InetSocketAddress local;
    private final Capabilities capabilities;
    private final AtomicBoolean closed = new AtomicBoolean();
    private MemoryRtpTransport far;
    private volatile PacketHandler rtpHandler;
    private volatile PacketHandler rtcpHandler;
    /** Where the last RTCP was sent to (rtcp-mux: the RTP address, not port+1). */
    volatile InetSocketAddress lastRtcpTo;

    private MemoryRtpTransport(EventExecutor loop, InetSocketAddress local, Capabilities capabilities) {
        this.loop = loop;
        this.local = local;
        this.capabilities = capabilities;
    }

    /** Two joined ends, "secure" and multiplexed like a DTLS-SRTP flow. */
    static MemoryRtpTransport[] pair(EventExecutor loopA, EventExecutor loopB) {
        return pair(loopA, loopB, new Capabilities("memory", true, true, true));
    }

    static MemoryRtpTransport[] pair(EventExecutor loopA, EventExecutor loopB, Capabilities capabilities) {
        // RFC 5737 documentation addresses: they look like a candidate's, and nothing routes them
        MemoryRtpTransport a = new MemoryRtpTransport(loopA, new InetSocketAddress(testNet(1), 40000), capabilities);
        MemoryRtpTransport b = new MemoryRtpTransport(loopB, new InetSocketAddress(testNet(2), 40002), capabilities);
        a.far = b;
        b.far = a;
        return new MemoryRtpTransport[] {a, b};
    }

    private static InetAddress testNet(int host) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, (byte) host});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void receive(PacketHandler rtp, PacketHandler rtcp) {
        rtpHandler = rtp;
        rtcpHandler = rtcp;
    }

    @Override
    public void sendRtp(ByteBuf packet, InetSocketAddress to) { cross(packet, false); }

    @Override
    public void sendRtcp(ByteBuf packet, InetSocketAddress to) {
        lastRtcpTo = to;
        cross(packet, true);
    }

    /** Protects the packet and hands it to the far end's loop; it owns the buffer from here. */
    private void cross(ByteBuf packet, boolean rtcp) {
        if (closed.get() || far.closed.get()) {
            packet.release();
            return;
        }
        scramble(packet, rtcp ? RTCP_CLEAR : RTP_CLEAR);
        try {
            far.loop.execute(() -> far.arrive(packet, rtcp));
        } catch (RejectedExecutionException e) {
            packet.release();
        }
    }

    private void arrive(ByteBuf packet, boolean rtcpFlow) {
        try {
            boolean rtcp = capabilities.rtcpMux() ? RtpDemux.isRtcp(packet) : rtcpFlow;
            scramble(packet, rtcp ? RTCP_CLEAR : RTP_CLEAR);
            PacketHandler h = rtcp ? rtcpHandler : rtpHandler;
            if (h != null && !closed.get()) h.onPacket(packet, far.local);
        } finally {
            ReferenceCountUtil.release(packet);
        }
    }

    private static void scramble(ByteBuf b, int clear) {
        for (int i = b.readerIndex() + clear; i < b.writerIndex(); i++) b.setByte(i, b.getByte(i) ^ MASK);
    }

    @Override
    public ByteBufAllocator alloc() { return ByteBufAllocator.DEFAULT; }

    @Override
    public EventExecutor eventLoop() { return loop; }

    @Override
    public InetSocketAddress localAddress() { return local; }

    @Override
    public Capabilities capabilities() { return capabilities; }

    @Override
    public void close() { closed.set(true); }

    @Override
    public String toString() { return "memory:" + local; }
}
