package org.switchboard.res.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import java.net.InetSocketAddress;
import org.switchboard.core.PbxLog;

/**
 * One upgraded connection: whole messages to its {@link WebSocketProtocol.Session}, pings
 * answered, a close echoed (RFC 6455 §5.5). Runs on the channel's event loop; the
 * {@link WebSocketProtocol.Peer} side may be called from any thread.
 */
final class WebSocketConnection extends SimpleChannelInboundHandler<WebSocketFrame> implements WebSocketProtocol.Peer {
    private final Channel channel;
    private final boolean secure;
    private final WebSocketServerHandshaker handshaker;
    private WebSocketProtocol.Session session;
    /** Our Close is sent: the peer's frames are read and dropped until its Close (RFC 6455 §7.1.2). */
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
    /** How long a peer that does not answer our Close keeps its connection. */
    static final long CLOSE_WAIT_MILLIS = 2000;

    WebSocketConnection(Channel channel, boolean secure, WebSocketServerHandshaker handshaker) {
        this.channel = channel;
        this.secure = secure;
        this.handshaker = handshaker;
    }

    void open(WebSocketProtocol protocol) {
        WebSocketProtocol.Session s;
        try {
            s = protocol.open(this);
        } catch (RuntimeException e) {
            PbxLog.warning(HttpRequestHandler.LOG, "WebSocket protocol " + handshaker.selectedSubprotocol() + " failed to open: " + e);
            s = null;
        }
        if (s == null) {
            close(1008, "refused"); // RFC 6455 §7.4.1: policy violation
            return;
        }
        session = s;
        if (!channel.isActive()) closed();
    }

    @Override public InetSocketAddress remote() { return (InetSocketAddress) channel.remoteAddress(); }
    @Override public InetSocketAddress local() { return (InetSocketAddress) channel.localAddress(); }
    @Override public boolean secure() { return secure; }

    @Override
    public boolean sendText(byte[] utf8) {
        if (!channel.isActive()) return false;
        channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(utf8)), channel.voidPromise());
        return true;
    }

    @Override
    public void close(int status, String reason) {
        if (!channel.isActive() || !closing.compareAndSet(false, true)) return;
        // RFC 6455 §7.1.1: the connection ends once the peer's Close arrives. Closing it at once with
        // the peer's frames unread (a flood) makes the kernel send a reset, which can reach the peer
        // before our Close: it would see the connection drop without the status.
        channel.writeAndFlush(new CloseWebSocketFrame(status, reason));
        channel.eventLoop().schedule(() -> { channel.close(); }, CLOSE_WAIT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (closing.get()) {
            if (frame instanceof CloseWebSocketFrame) ctx.close();
            return;
        }
        switch (frame) {
            case TextWebSocketFrame t -> deliver(t.content(), true);
            case BinaryWebSocketFrame b -> deliver(b.content(), false);
            case PingWebSocketFrame p -> ctx.writeAndFlush(new PongWebSocketFrame(p.content().retain()));
            case CloseWebSocketFrame c -> handshaker.close(ctx.channel(), c.retain());
            default -> { } // a pong, or a continuation the aggregator already joined
        }
    }

    private void deliver(ByteBuf content, boolean text) {
        WebSocketProtocol.Session s = session;
        if (s != null) s.onMessage(ByteBufUtil.getBytes(content), text);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closed();
        super.channelInactive(ctx);
    }

    private void closed() {
        WebSocketProtocol.Session s = session;
        session = null;
        if (s != null) s.onClose();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String who = remote() == null ? "?" : remote().getAddress().getHostAddress();
        int status = cause instanceof TooLongFrameException ? 1009 : cause instanceof CorruptedFrameException ? 1002 : 1011;
        PbxLog.limited(PbxLog.Level.NOTICE, HttpRequestHandler.LOG, who, "WebSocket from " + who + " closed ("
            + status + "): " + cause.getMessage());
        close(status, "");
        ctx.close();
    }
}
