package org.switchboard.res.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.File;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * The built-in HTTP server on Netty: one listener for HTTP and, when configured, one for HTTPS.
 * Every request goes to {@link HttpRequestHandler}; an upgraded connection then belongs to its
 * WebSocket subprotocol.
 */
final class HttpServer implements AutoCloseable {
    /** A request (head and body) larger than this is refused with 413 by the aggregator. */
    static final int MAX_REQUEST = 64 * 1024;
    /** A connection that has not upgraded to WebSocket and says nothing for this long is closed. */
    static final int IDLE_SECONDS = 30;

    /** Its threads write to the log of the PBX that starts the server (HTTP, and SIP over WebSocket). */
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(0,
        org.switchboard.core.PbxLog.threadFactory(new io.netty.util.concurrent.DefaultThreadFactory("http")), NioIoHandler.newFactory());
    private final Supplier<HttpRoutes> routes;
    private volatile Channel plain;
    private volatile Channel tls;

    HttpServer(Supplier<HttpRoutes> routes) { this.routes = routes; }

    /** Binds what {@code config} asks for; throws (with nothing left bound) when a port is taken or a certificate unreadable. */
    void bind(HttpConfig config) throws Exception {
        try {
            plain = listen(resolve(config.plain()), null);
            if (config.tls() != null) tls = listen(resolve(config.tls()), sslContext(config));
        } catch (Exception e) {
            unbind();
            throw e;
        }
    }

    static SslContext sslContext(HttpConfig config) throws SSLException {
        try {
            return SslContextBuilder.forServer(new File(config.certFile()), new File(config.privateKey())).build();
        } catch (IllegalArgumentException e) {
            throw new SSLException("cannot read tlscertfile '" + config.certFile() + "' / tlsprivatekey '"
                + config.privateKey() + "': " + e.getMessage(), e);
        }
    }

    private static InetSocketAddress resolve(InetSocketAddress a) {
        return a.isUnresolved() ? new InetSocketAddress(a.getHostString(), a.getPort()) : a;
    }

    private Channel listen(InetSocketAddress at, SslContext ssl) throws InterruptedException {
        boolean secure = ssl != null;
        return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override protected void initChannel(SocketChannel ch) {
                    if (secure) ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc()));
                    ch.pipeline().addLast("idle", new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS))
                        .addLast("http", new HttpServerCodec())
                        .addLast("aggregate", new HttpObjectAggregator(MAX_REQUEST))
                        .addLast("request", new HttpRequestHandler(routes.get(), secure));
                }
            })
            .bind(at).sync().channel();
    }

    /** Where HTTP listens, or null. */
    InetSocketAddress plainAddress() { Channel c = plain; return c == null ? null : (InetSocketAddress) c.localAddress(); }

    /** Where HTTPS listens, or null. */
    InetSocketAddress tlsAddress() { Channel c = tls; return c == null ? null : (InetSocketAddress) c.localAddress(); }

    private void unbind() {
        Channel p = plain, t = tls;
        plain = null;
        tls = null;
        if (p != null) p.close().syncUninterruptibly();
        if (t != null) t.close().syncUninterruptibly();
    }

    @Override
    public void close() {
        unbind();
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
}
