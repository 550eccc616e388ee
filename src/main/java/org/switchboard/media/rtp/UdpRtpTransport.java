package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Plain RTP over UDP: RTP on an even port, RTCP on the next (RFC 3550 §11), both on one of the
 * {@link RtpEngine}'s pooled {@link RtpPortPair}s, which goes back to the pool on {@link #close}.
 * One per call; sending wraps the packet in a Netty datagram and nothing else.
 */
final class UdpRtpTransport implements RtpTransport {
    private final RtpEngine engine;
    private final RtpPortPair pair;
    private final InetSocketAddress local;
    private final AtomicBoolean closed = new AtomicBoolean();

    UdpRtpTransport(RtpEngine engine, RtpPortPair pair) {
        this.engine = engine;
        this.pair = pair;
        this.local = (InetSocketAddress) pair.rtp.localAddress();
    }

    @Override
    public void receive(PacketHandler rtp, PacketHandler rtcp) {
        if (!closed.get()) pair.attach(rtp, rtcp);
    }

    @Override
    public void sendRtp(ByteBuf packet, InetSocketAddress to) { send(pair.rtp, packet, to); }

    @Override
    public void sendRtcp(ByteBuf packet, InetSocketAddress to) { send(pair.rtcp, packet, to); }

    private void send(Channel ch, ByteBuf packet, InetSocketAddress to) {
        if (closed.get()) { // the pair may carry the next call by now
            packet.release();
            return;
        }
        ch.writeAndFlush(new DatagramPacket(packet, to), ch.voidPromise());
    }

    @Override
    public ByteBufAllocator alloc() { return pair.rtp.alloc(); }

    @Override
    public EventExecutor eventLoop() { return pair.loop; }

    @Override
    public InetSocketAddress localAddress() { return local; }

    @Override
    public Capabilities capabilities() { return Capabilities.PLAIN_UDP; }

    /** The sockets stay bound and wait in the engine's pool for the next call (or are closed). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) engine.release(pair);
    }

    @Override
    public String toString() { return "udp:" + pair.port; }
}
