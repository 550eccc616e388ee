package org.switchboard.channels.sip.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.switchboard.channels.sip.message.SipLimits;
import org.switchboard.channels.sip.message.SipMessage;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipWriter;
import org.switchboard.channels.sip.message.Via;
import org.switchboard.core.PbxLog;

/**
 * SIP over TCP (RFC 3261 §18): a listener plus outgoing connections, all kept in one table by
 * remote address so that a message to a peer reuses whatever connection is open to it (§18.1.1,
 * §18.2.2). Each connection frames with its own SipStreamDecoder, answers RFC 5626 pings, and is
 * held to {@link TcpLimits}: accepted connections are capped and must authenticate in time, and
 * any connection is closed after its idle timeout without traffic.
 */
public final class TcpSipTransport implements SipTransport {
    private final EventLoopGroup group;
    private final Channel server;
    private final Bootstrap client;
    private final SipLimits limits;
    private final TcpAdmission admission;
    private final ConcurrentHashMap<InetSocketAddress, ChannelFuture> connections = new ConcurrentHashMap<>();
    private final TlsContexts tls;                 // null: plain TCP
    private final SipTransportListener listener;
    private final TcpLimits tcpLimits;

    private TcpSipTransport(EventLoopGroup group, InetSocketAddress local, SipTransportListener listener,
                            TcpLimits tcpLimits, SipLimits limits, TlsContexts tls) throws InterruptedException {
        this.group = group;
        this.limits = limits;
        this.tls = tls;
        this.admission = new TcpAdmission(tcpLimits);
        this.server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(initializer(listener, tcpLimits, null))
            .bind(local).sync().channel();
        this.listener = listener;
        this.tcpLimits = tcpLimits;
        this.client = new Bootstrap().group(group).channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000);
    }

    /**
     * A connection's pipeline: under TLS the SslHandler and its handshake watch first (server side
     * when {@code to} is null, an accepted connection; client side towards {@code to}), then idle
     * timeout and SIP stream framing, the same for TCP and TLS.
     */
    private ChannelInitializer<SocketChannel> initializer(SipTransportListener listener, TcpLimits tcpLimits,
                                                          InetSocketAddress to) {
        return new ChannelInitializer<>() {
            @Override protected void initChannel(SocketChannel ch) {
                if (tls != null) {
                    ch.pipeline().addLast(to == null ? tls.serverHandler(ch.alloc()) : tls.clientHandler(ch.alloc(), to),
                        new TlsHandshakeWatch(to == null));
                }
                ch.pipeline().addLast(new IdleStateHandler(0, 0, tcpLimits.idleTimeout().toMillis(), TimeUnit.MILLISECONDS),
                    new TcpConnectionHandler(limits, tcpLimits, admission, listener, TcpSipTransport.this));
            }
        };
    }

    public static TcpSipTransport bind(InetSocketAddress local, SipTransportListener listener) throws InterruptedException {
        return bind(local, listener, TcpLimits.DEFAULT, SipLimits.DEFAULT);
    }

    public static TcpSipTransport bind(InetSocketAddress local, SipTransportListener listener, Duration idleTimeout,
                                       SipLimits limits) throws InterruptedException {
        return bind(local, listener, TcpLimits.DEFAULT.withIdleTimeout(idleTimeout), limits);
    }

    public static TcpSipTransport bind(InetSocketAddress local, SipTransportListener listener, TcpLimits tcpLimits,
                                       SipLimits limits) throws InterruptedException {
        return bind(local, listener, tcpLimits, limits, null);
    }

    /**
     * SIP over TLS (RFC 3261 §26.3.1, Via transport "TLS"): TCP's framing, limits and connection
     * table under {@code tls}'s SslHandler. A handshake that fails is one log line and a closed
     * connection; {@code tcpauthtimeout} counts from the TCP accept, so a client that never
     * finishes its handshake is closed as a silent TCP one is.
     */
    public static TcpSipTransport bindTls(InetSocketAddress local, SipTransportListener listener, TcpLimits tcpLimits,
                                          SipLimits limits, TlsContexts tls) throws InterruptedException {
        return bind(local, listener, tcpLimits, limits, java.util.Objects.requireNonNull(tls));
    }

    private static TcpSipTransport bind(InetSocketAddress local, SipTransportListener listener, TcpLimits tcpLimits,
                                        SipLimits limits, TlsContexts tls) throws InterruptedException {
        // the connections' threads write to the log of the PBX that binds the transport
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(0,
            PbxLog.threadFactory(new io.netty.util.concurrent.DefaultThreadFactory(tls == null ? "sip-tcp" : "sip-tls")), NioIoHandler.newFactory());
        try {
            return new TcpSipTransport(group, local, listener, tcpLimits, limits, tls);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    @Override public Protocol protocol() { return tls == null ? Protocol.TCP : Protocol.TLS; }

    @Override public InetSocketAddress localAddress() { return (InetSocketAddress) server.localAddress(); }

    /** Open connections, accepted and made. */
    public int connectionCount() { return connections.size(); }

    /** Accepted connections that have not authenticated yet (what tcpauthlimit counts). */
    public int unauthenticatedCount() { return admission.unauthenticated(); }

    /**
     * A request that came over the connection from {@code remote} passed authentication (or was
     * let in as a guest): the connection is trusted from now on, as chan_sip marks its session.
     */
    public void authenticated(InetSocketAddress remote) {
        ChannelFuture f = connections.get(remote);
        if (f == null || !f.isDone() || !f.isSuccess()) return;
        TcpConnectionHandler h = f.channel().pipeline().get(TcpConnectionHandler.class);
        if (h != null) h.authenticated();
    }

    @Override public void send(SipMessage message, Endpoint to) { send(message, to, null); }

    @Override public void send(SipMessage message, Endpoint to, Consumer<Throwable> onFailure) {
        byte[] bytes = SipWriter.write(message);
        if (bytes.length > limits.maxMessageSize()) {
            PeerLog.log(PbxLog.Level.WARNING, PeerLog.SIP, to,
                "refusing to send " + bytes.length + " bytes to " + to + ": over the size limit");
            if (onFailure != null) onFailure.accept(new IllegalArgumentException("message over the size limit"));
            return;
        }
        InetSocketAddress addr = to.address();
        if (message instanceof SipResponse r && !connections.containsKey(addr)) addr = fallback(r, addr);
        InetSocketAddress dest = addr;
        ChannelFuture f = connections.computeIfAbsent(dest, this::connect); // §18.1.1: reuse, else connect
        f.addListener(done -> {
            if (!done.isSuccess()) {
                connections.remove(dest, f);
                PeerLog.log(PbxLog.Level.WARNING, TcpAdmission.LOG, to, protocol() + " connect to " + to + " failed: " + done.cause());
                if (onFailure != null) onFailure.accept(done.cause());
                return;
            }
            f.channel().writeAndFlush(Unpooled.wrappedBuffer(bytes)).addListener(w -> {
                if (w.isSuccess()) return;
                PeerLog.log(PbxLog.Level.WARNING, TcpAdmission.LOG, to, protocol() + " send to " + to + " failed: " + w.cause());
                if (onFailure != null) onFailure.accept(w.cause());
            });
        });
    }

    /**
     * §18.2.2: when the connection a request came on is gone, a response opens a new one to the
     * received address and the sent-by port of the top Via.
     */
    private static InetSocketAddress fallback(SipResponse r, InetSocketAddress original) {
        try {
            Via v = r.topVia();
            String host = v.received() != null ? v.received() : v.host();
            if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
            return new InetSocketAddress(host, v.port() > 0 ? v.port() : Protocol.of(v.transport()).defaultPort());
        } catch (IllegalArgumentException | NullPointerException e) {
            return original;
        }
    }

    private ChannelFuture connect(InetSocketAddress to) {
        return client.clone().handler(initializer(listener, tcpLimits, to)).connect(to);
    }

    void opened(Channel ch) {
        connections.putIfAbsent((InetSocketAddress) ch.remoteAddress(), ch.newSucceededFuture());
    }

    void closed(Channel ch, InetSocketAddress remote) {
        if (remote != null) connections.computeIfPresent(remote, (k, f) -> f.channel() == ch ? null : f);
    }

    @Override public void close() {
        server.close().syncUninterruptibly();
        for (ChannelFuture f : connections.values()) f.channel().close();
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
}
