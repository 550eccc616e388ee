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

    private static NettyIceSocket bindOne(InetAddress address, IceSettings s, EventLoop loop, Receiver receiver) throws IOException {
        int min = s.portMin(), max = s.portMax();
        int count = min == 0 && max == 0 ? 1 : max - min + 1;
        int start = count == 1 ? 0 : ThreadLocalRandom.current().nextInt(count); // spread calls over the range
        Throwable last = null;
        for (int i = 0; i < Math.min(count, 200); i++) {
            int port = min == 0 && max == 0 ? 0 : min + (start + i) % count;
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
