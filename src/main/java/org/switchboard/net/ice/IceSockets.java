package org.switchboard.net.ice;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The UDP sockets of one transport, one per host address, each carrying STUN, DTLS and SRTP
 * together (RFC 7983; rtcp-mux, RFC 5761): bound on a free port of the configured range, all on
 * one event loop, every datagram handed to the transport's {@link Receiver}.
 */
final class IceSockets {
    /** Gets every datagram, on the event loop; the buffer is released after the call unless retained. */
    interface Receiver {
        void onDatagram(NettyIceSocket socket, ByteBuf content, InetSocketAddress from);
    }

    private IceSockets() {}

    static List<NettyIceSocket> bind(IceSettings settings, EventLoop loop, Receiver receiver) throws IOException {
        List<NettyIceSocket> out = new ArrayList<>();
        try {
            for (InetAddress a : settings.hostAddresses()) out.add(bindOne(a, settings, loop, receiver));
        } catch (IOException | RuntimeException e) {
            for (NettyIceSocket s : out) s.channel().close();
            throw e;
        }
        return out;
    }

    /** Ports tried before giving up on a range larger than this (each a bind attempt). */
    static final int ATTEMPTS = 200;

    /**
     * A small range is walked whole from a random start; a larger one is probed at random ports.
     * Not neighbours of a random start: the RTP engine gives SIP legs their ports in order from
     * the start of the same range, so under load the range holds a dense block of used ports, and
     * 200 neighbours inside it all failed while most of the range was free (measured: 3 ICE calls
     * in 200 with 200 SIP legs up). Random probes fail only when nearly every port is taken.
     */
    private static NettyIceSocket bindOne(InetAddress address, IceSettings s, EventLoop loop, Receiver receiver) throws IOException {
        int min = s.portMin(), max = s.portMax();
        int count = min == 0 && max == 0 ? 1 : max - min + 1;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int start = count == 1 ? 0 : random.nextInt(count); // spread calls over the range
        boolean walk = count <= ATTEMPTS;
        Throwable last = null;
        for (int i = 0; i < Math.min(count, ATTEMPTS); i++) {
            int port = min == 0 && max == 0 ? 0 : min + (walk ? (start + i) % count : random.nextInt(count));
            Forwarder f = new Forwarder(receiver);
            ChannelFuture bind = new Bootstrap().group(loop).channel(NioDatagramChannel.class).handler(f)
                .bind(new InetSocketAddress(address, port)).awaitUninterruptibly();
            if (bind.isSuccess()) {
                f.socket = new NettyIceSocket(bind.channel());
                return f.socket;
            }
            last = bind.cause();
        }
        throw new BindException("no free UDP port for ICE on " + address.getHostAddress() + " in " + min + "-" + max
            + (last == null ? "" : ": " + last.getMessage()));
    }

    private static final class Forwarder extends ChannelInboundHandlerAdapter {
        private final Receiver receiver;
        volatile NettyIceSocket socket;

        Forwarder(Receiver receiver) { this.receiver = receiver; }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            NettyIceSocket s = socket;
            if (s == null || !(msg instanceof DatagramPacket p)) {
                ReferenceCountUtil.release(msg);
                return;
            }
            try {
                if (p.content().isReadable()) receiver.onDatagram(s, p.content(), p.sender());
            } catch (RuntimeException e) {
                // one bad datagram never closes the socket
            } finally {
                p.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // UDP: ICMP unreachable and the like; the socket stays open
        }
    }
}
