package org.switchboard.channels.sip.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import org.switchboard.channels.sip.message.SipLimits;
import org.switchboard.channels.sip.message.SipMessage;
import org.switchboard.channels.sip.message.SipParser;
import org.switchboard.channels.sip.message.SipWriter;
import org.switchboard.core.PbxLog;

/**
 * SIP over UDP (RFC 3261 §18): one channel bound to an address, each datagram one message parsed
 * with {@link SipParser}. Malformed requests get a 4xx when they can be answered; CRLF keep-alives
 * (RFC 5626 §3.5.1) are answered with one CRLF.
 */
public final class UdpSipTransport implements SipTransport {
    private static final byte[] PONG = {'\r', '\n'};

    private final EventLoopGroup group;
    private final Channel channel;
    private final SipLimits limits;

    private UdpSipTransport(EventLoopGroup group, Channel channel, SipLimits limits) {
        this.group = group;
        this.channel = channel;
        this.limits = limits;
    }

    public static UdpSipTransport bind(InetSocketAddress local, SipTransportListener listener) throws InterruptedException {
        return bind(local, listener, SipLimits.DEFAULT);
    }

    public static UdpSipTransport bind(InetSocketAddress local, SipTransportListener listener, SipLimits limits)
            throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel ch = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(65536)) // default 2048 cuts messages
                .option(ChannelOption.SO_RCVBUF, 1 << 20)
                .handler(new Reader(new SipParser(limits), listener))
                .bind(local).sync().channel();
            return new UdpSipTransport(group, ch, limits);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    @Override public Protocol protocol() { return Protocol.UDP; }

    @Override public InetSocketAddress localAddress() { return (InetSocketAddress) channel.localAddress(); }

    @Override public void send(SipMessage message, Endpoint to) { send(message, to, null); }

    @Override public void send(SipMessage message, Endpoint to, Consumer<Throwable> onFailure) {
        byte[] bytes = SipWriter.write(message);
        if (bytes.length > limits.maxMessageSize()) {
            PeerLog.log(PbxLog.Level.WARNING, PeerLog.SIP, to, "refusing to send " + bytes.length + " bytes to " + to + ": over the size limit");
            if (onFailure != null) onFailure.accept(new IllegalArgumentException("message over the size limit"));
            return;
        }
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), to.address())).addListener(f -> {
            if (f.isSuccess()) return;
            PeerLog.log(PbxLog.Level.WARNING, PeerLog.SIP, to, "UDP send to " + to + " failed: " + f.cause());
            if (onFailure != null) onFailure.accept(f.cause());
        });
    }

    @Override public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    private static final class Reader extends SimpleChannelInboundHandler<DatagramPacket> {
        private final SipParser parser;
        private final SipTransportListener listener;

        Reader(SipParser parser, SipTransportListener listener) {
            this.parser = parser;
            this.listener = listener;
        }

        @Override protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf buf = packet.content();
            byte[] bytes = new byte[buf.readableBytes()];
            buf.getBytes(buf.readerIndex(), bytes);
            InetSocketAddress from = packet.sender();
            if (SipParser.isKeepAlive(bytes, 0, bytes.length)) { // RFC 5626 §4.4.1: CRLFCRLF ping, CRLF pong
                if (bytes.length >= 4) ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(PONG), from));
                return;
            }
            Inbound.handle(parser.parse(bytes), Endpoint.udp(from), listener,
                reply -> ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(reply), from)));
        }

        @Override public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            PbxLog.limited(PbxLog.Level.WARNING, PeerLog.SIP, "UDP", "UDP reader: " + cause); // a UDP socket stays open through errors
        }
    }
}
