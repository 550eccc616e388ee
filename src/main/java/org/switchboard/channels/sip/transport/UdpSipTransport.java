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
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
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
 * SIP over UDP (RFC 3261 §18), each datagram one message parsed with {@link SipParser}. Where
 * the kernel offers it (Linux, Netty's native epoll transport), one socket per core is bound to
 * the same address with {@code SO_REUSEPORT}: the kernel spreads senders over them (one sender
 * always on the same socket, so its messages stay in order) and each has its own reading thread;
 * elsewhere one NIO socket. Malformed requests get a 4xx when they can be answered; CRLF
 * keep-alives (RFC 5626 §3.5.1) are answered with one CRLF.
 */
public final class UdpSipTransport implements SipTransport {
    private static final byte[] PONG = {'\r', '\n'};

    private final EventLoopGroup group;
    private final Channel[] channels;
    private final SipLimits limits;

    private UdpSipTransport(EventLoopGroup group, Channel[] channels, SipLimits limits) {
        this.group = group;
        this.channels = channels;
        this.limits = limits;
    }

    /** How many sockets read this port: one per core with SO_REUSEPORT, else one. */
    public int readers() { return channels.length; }

    public static UdpSipTransport bind(InetSocketAddress local, SipTransportListener listener) throws InterruptedException {
        return bind(local, listener, SipLimits.DEFAULT);
    }

    public static UdpSipTransport bind(InetSocketAddress local, SipTransportListener listener, SipLimits limits)
            throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores > 1 && Epoll.isAvailable()) {
            UdpSipTransport t = bindReusePort(local, listener, limits, cores);
            if (t != null) return t;
        }
        return bindNio(local, listener, limits);
    }

    /**
     * {@code n} epoll sockets on one address with SO_REUSEPORT; null when that fails (then one NIO
     * socket). The address is first bound once without SO_REUSEPORT, so a port another process
     * holds (with or without the option) fails here as it would without it, and port 0 becomes a
     * real port all {@code n} share.
     */
    private static UdpSipTransport bindReusePort(InetSocketAddress local, SipTransportListener listener, SipLimits limits,
                                                 int n) throws InterruptedException {
        InetSocketAddress at;
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(local)) {
            at = new InetSocketAddress(local.getAddress(), probe.getLocalPort());
        } catch (java.net.SocketException e) {
            throw new io.netty.channel.ChannelException("cannot bind " + local + ": " + e.getMessage(), e);
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(n, readerThreads(), EpollIoHandler.newFactory());
        Channel[] channels = new Channel[n];
        try {
            Bootstrap b = new Bootstrap().group(group).channel(EpollDatagramChannel.class)
                .option(EpollChannelOption.SO_REUSEPORT, true)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(65536))
                .option(ChannelOption.SO_RCVBUF, 1 << 20)
                .handler(new io.netty.channel.ChannelInitializer<Channel>() { // a reader (and parser) per socket
                    @Override protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new Reader(new SipParser(limits), listener));
                    }
                });
            for (int i = 0; i < n; i++) channels[i] = b.bind(at).sync().channel();
            return new UdpSipTransport(group, channels, limits);
        } catch (InterruptedException e) {
            for (Channel c : channels) if (c != null) c.close();
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS);
            throw e;
        } catch (Exception e) { // Netty rethrows a bind failure (an IOException) unchecked
            PbxLog.notice(PeerLog.SIP, "SO_REUSEPORT on " + at + " failed (" + e.getMessage() + "); one UDP socket instead");
            for (Channel c : channels) if (c != null) c.close().syncUninterruptibly();
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS).syncUninterruptibly();
            return null;
        }
    }

    /** The socket threads, writing to the log of the PBX that binds the transport. */
    private static java.util.concurrent.ThreadFactory readerThreads() {
        return PbxLog.threadFactory(new io.netty.util.concurrent.DefaultThreadFactory("sip-udp"));
    }

    private static UdpSipTransport bindNio(InetSocketAddress local, SipTransportListener listener, SipLimits limits)
            throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, readerThreads(), NioIoHandler.newFactory());
        try {
            Channel ch = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(65536)) // default 2048 cuts messages
                .option(ChannelOption.SO_RCVBUF, 1 << 20)
                .handler(new Reader(new SipParser(limits), listener))
                .bind(local).sync().channel();
            return new UdpSipTransport(group, new Channel[] {ch}, limits);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    @Override public Protocol protocol() { return Protocol.UDP; }

    @Override public InetSocketAddress localAddress() { return (InetSocketAddress) channels[0].localAddress(); }

    @Override public void send(SipMessage message, Endpoint to) { send(message, to, null); }

    @Override public void send(SipMessage message, Endpoint to, Consumer<Throwable> onFailure) {
        byte[] bytes = SipWriter.write(message);
        if (bytes.length > limits.maxMessageSize()) {
            PeerLog.log(PbxLog.Level.WARNING, PeerLog.SIP, to, "refusing to send " + bytes.length + " bytes to " + to + ": over the size limit");
            if (onFailure != null) onFailure.accept(new IllegalArgumentException("message over the size limit"));
            return;
        }
        // any socket sends from our port; by destination, so one peer's messages leave in order
        Channel channel = channels.length == 1 ? channels[0] : channels[Math.floorMod(to.address().hashCode(), channels.length)];
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), to.address())).addListener(f -> {
            if (f.isSuccess()) return;
            PeerLog.log(PbxLog.Level.WARNING, PeerLog.SIP, to, "UDP send to " + to + " failed: " + f.cause());
            if (onFailure != null) onFailure.accept(f.cause());
        });
    }

    @Override public void close() {
        for (Channel c : channels) c.close().syncUninterruptibly();
        group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    private static final class Reader extends SimpleChannelInboundHandler<DatagramPacket> {
        /**
         * The sources a reader has seen, so that every transaction and dialog from one phone or
         * trunk shares one {@link Endpoint} instead of a copy of its address each: a completed
         * transaction lingers 32 s (Timer J), 96,000 of them at 3,000 calls/s. Bounded, since any
         * address can send a datagram: when full it starts again. One per reader thread, no lock.
         */
        private static final int MAX_SOURCES = 4096;
        private final java.util.HashMap<InetSocketAddress, Endpoint> sources = new java.util.HashMap<>();
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
            Endpoint source = sources.get(from);
            if (source == null) {
                if (sources.size() >= MAX_SOURCES) sources.clear();
                source = Endpoint.udp(from);
                sources.put(from, source);
            }
            Inbound.handle(parser.parse(bytes), source, listener,
                reply -> ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(reply), from)));
        }

        @Override public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            PbxLog.limited(PbxLog.Level.WARNING, PeerLog.SIP, "UDP", "UDP reader: " + cause); // a UDP socket stays open through errors
        }
    }
}
