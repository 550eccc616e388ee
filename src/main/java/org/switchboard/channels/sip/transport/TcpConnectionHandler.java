package org.switchboard.channels.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import org.switchboard.channels.sip.message.SipLimits;
import org.switchboard.channels.sip.message.SipStreamDecoder;
import org.switchboard.core.PbxLog;

/** One TCP connection: stream framing, keep-alive pongs, idle close. Not shared between channels. */
final class TcpConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final byte[] PONG = {'\r', '\n'};

    private final SipStreamDecoder decoder;
    private final SipTransportListener listener;
    private final TcpSipTransport transport;
    private InetSocketAddress remote;

    TcpConnectionHandler(SipLimits limits, SipTransportListener listener, TcpSipTransport transport) {
        this.decoder = new SipStreamDecoder(limits);
        this.listener = listener;
        this.transport = transport;
    }

    @Override public void channelActive(ChannelHandlerContext ctx) throws Exception {
        remote = (InetSocketAddress) ctx.channel().remoteAddress();
        transport.opened(ctx.channel());
        super.channelActive(ctx);
    }

    @Override public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        transport.closed(ctx.channel(), remote);
        super.channelInactive(ctx);
    }

    @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            Endpoint source = Endpoint.tcp(remote);
            decoder.feed(bytes, 0, bytes.length, r -> Inbound.handle(r, source, listener,
                reply -> ctx.writeAndFlush(Unpooled.wrappedBuffer(reply))));
            for (int n = decoder.takePings(); n > 0; n--) ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG)); // RFC 5626 §4.4.1
        } catch (RuntimeException e) {
            PbxLog.error("sip", "TCP reader from " + remote + ": " + e);
        } finally {
            buf.release();
        }
    }

    @Override public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            PbxLog.debug("sip", "closing idle TCP connection from " + remote);
            ctx.close();
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        PbxLog.notice("sip", "TCP connection " + remote + " closed: " + cause);
        ctx.close();
    }
}
