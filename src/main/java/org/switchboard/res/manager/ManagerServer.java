package org.switchboard.res.manager;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.switchboard.core.PbxLog;

/** The listening socket and its event loops. Rebinding (reload) keeps connected sessions. */
final class ManagerServer {
    private final ManagerModule module;
    private final EventLoopGroup group;
    private volatile Channel listener;

    ManagerServer(ManagerModule module) {
        this.module = module;
        this.group = new MultiThreadIoEventLoopGroup(2, PbxLog.threadFactory(module.pbx().log(), new DefaultThreadFactory("ami", true)),
                NioIoHandler.newFactory());
    }

    void bind(InetAddress address, int port) throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        long limit = module.config().sendQueueLimit();
                        // the socket layer holds at most a quarter of what a client may have waiting
                        int high = (int) Math.min(256 * 1024, limit / 4);
                        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(high / 4, high));
                        ch.pipeline().addLast(new AmiChannelHandler(module, limit));
                    }
                });
        listener = b.bind(new InetSocketAddress(address, port)).sync().channel();
    }

    boolean isBound() { Channel c = listener; return c != null && c.isActive(); }

    int port() {
        Channel c = listener;
        return c == null ? 0 : ((InetSocketAddress) c.localAddress()).getPort();
    }

    void unbind() {
        Channel c = listener;
        listener = null;
        if (c != null) c.close().syncUninterruptibly();
    }

    void shutdown() {
        unbind();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
}
