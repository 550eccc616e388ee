package org.switchboard.res.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.switchboard.core.PbxLog;

/**
 * One HTTP request: {@code GET /ws} with {@code Upgrade: websocket} and a subprotocol some module
 * registered becomes a WebSocket connection of that protocol (RFC 6455 §4.2); {@code /ws} without
 * a usable upgrade is 400; every other path is 404, as Asterisk answers a URI nobody serves.
 */
final class HttpRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String WS_PATH = "/ws";
    static final String SERVER = "Asterisk/20.0.0";
    static final String LOG = "res_http_websocket.c";
    /** A WebSocket message (fragments joined) larger than this closes the connection (RFC 6455 §7.4.1: 1009). */
    static final int MAX_MESSAGE = 64 * 1024;

    private final HttpRoutes routes;
    private final boolean secure;

    HttpRequestHandler(HttpRoutes routes, boolean secure) {
        this.routes = routes;
        this.secure = secure;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!req.decoderResult().isSuccess()) {
            respond(ctx, req, HttpResponseStatus.BAD_REQUEST, "Bad Request", "The request could not be read.");
            return;
        }
        String path = req.uri();
        int q = path.indexOf('?');
        if (q >= 0) path = path.substring(0, q);
        if (!path.equals(WS_PATH)) {
            respond(ctx, req, HttpResponseStatus.NOT_FOUND, "Not Found", "The requested URL was not found on this server.");
            return;
        }
        if (req.method() != HttpMethod.GET || !req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            respond(ctx, req, HttpResponseStatus.BAD_REQUEST, "Bad Request", "This URI is only for WebSocket connections.");
            return;
        }
        String wanted = req.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
        String chosen = null;
        if (wanted != null) {
            for (String p : wanted.split(",")) {
                if (routes.webSocket(p.trim()) != null) {
                    chosen = p.trim();
                    break;
                }
            }
        }
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        String who = remote.getAddress().getHostAddress();
        if (chosen == null) {
            PbxLog.limited(PbxLog.Level.NOTICE, LOG, who, "WebSocket connection from '" + who + ":" + remote.getPort()
                + "' could not be accepted - no protocols out of '" + (wanted == null ? "" : wanted) + "' supported");
            respond(ctx, req, HttpResponseStatus.BAD_REQUEST, "Bad Request", "No supported WebSocket protocol requested.");
            return;
        }
        String url = (secure ? "wss://" : "ws://") + req.headers().get(HttpHeaderNames.HOST, "localhost") + WS_PATH;
        WebSocketServerHandshaker hs = new WebSocketServerHandshakerFactory(url, chosen, false, MAX_MESSAGE).newHandshaker(req);
        if (hs == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        WebSocketProtocol protocol = routes.webSocket(chosen);
        hs.handshake(ctx.channel(), req).addListener(f -> {
            if (!f.isSuccess()) {
                ctx.close();
                return;
            }
            var pipeline = ctx.pipeline();
            if (pipeline.get("idle") != null) pipeline.remove("idle"); // a registered phone may be quiet for minutes
            WebSocketConnection conn = new WebSocketConnection(ctx.channel(), secure, hs);
            pipeline.replace(this, "ws-aggregate", new WebSocketFrameAggregator(MAX_MESSAGE));
            pipeline.addLast("ws", conn);
            conn.open(protocol);
        });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) ctx.close(); // said nothing, or never finished its request
        else super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        InetSocketAddress r = (InetSocketAddress) ctx.channel().remoteAddress();
        String who = r == null ? "?" : r.getAddress().getHostAddress();
        PbxLog.limited(PbxLog.Level.NOTICE, LOG, who, "HTTP connection from " + who + " closed: " + cause.getMessage());
        ctx.close();
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String title, String text) {
        String html = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\r\n<html><head>\r\n<title>" + status.code() + " "
            + title + "</title>\r\n</head><body>\r\n<h1>" + title + "</h1>\r\n<p>" + text + "</p>\r\n<hr />\r\n<address>"
            + SERVER + "</address>\r\n</body></html>\r\n";
        ByteBuf body = Unpooled.copiedBuffer(html, StandardCharsets.UTF_8);
        FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        resp.headers().set(HttpHeaderNames.SERVER, SERVER)
            .set(HttpHeaderNames.CONTENT_TYPE, "text/html")
            .set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        boolean keep = HttpUtil.isKeepAlive(req) && status.code() < 400;
        if (!keep) resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        var f = ctx.writeAndFlush(resp);
        if (!keep) f.addListener(ChannelFutureListener.CLOSE);
    }
}
