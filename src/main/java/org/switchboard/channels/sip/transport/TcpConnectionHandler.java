package org.switchboard.channels.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.switchboard.channels.sip.message.SipLimits;
import org.switchboard.channels.sip.message.SipStreamDecoder;
import org.switchboard.core.PbxLog;

/**
 * One TCP connection: stream framing, keep-alive pongs, and the guards of {@link TcpLimits}. An
 * accepted connection takes a place in {@link TcpAdmission} (or is closed at once when there is
 * none) and must authenticate within tcpauthtimeout; on any connection a message once begun must
 * be complete within it; a head the decoder cannot frame is answered and the connection closed.
 * Runs on its channel's event loop only; {@link #authenticated} hops onto it.
 */
final class TcpConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final byte[] PONG = {'\r', '\n'};
    private static final long LINGER_MS = 2000;

    private final SipStreamDecoder decoder;
    private final SipTransportListener listener;
    private final TcpSipTransport transport;
    private final TcpLimits limits;
    private final TcpAdmission admission;
    private ChannelHandlerContext ctx;
    private InetSocketAddress remote;
    private String peer = "?"; // the remote address, what log lines are rate-limited by
    private String who = "?";  // address:port, what they print
    private boolean holdsPlace;
    private boolean authenticated;
    private ScheduledFuture<?> authTimer;
    private ScheduledFuture<?> messageTimer;
    private long messages; // complete messages (and failures) read, to tell one slow message from many
    private boolean closing;

    TcpConnectionHandler(SipLimits sipLimits, TcpLimits limits, TcpAdmission admission, SipTransportListener listener,
                         TcpSipTransport transport) {
        this.decoder = new SipStreamDecoder(sipLimits);
        this.limits = limits;
        this.admission = admission;
        this.listener = listener;
        this.transport = transport;
    }

    @Override public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        remote = (InetSocketAddress) ctx.channel().remoteAddress();
        peer = remote.getAddress().getHostAddress();
        who = peer + ":" + remote.getPort();
        if (ctx.channel().parent() != null) { // accepted, not one we opened
            if (!admission.admit(remote.getAddress())) {
                ctx.close();
                return;
            }
            holdsPlace = true;
            authTimer = ctx.executor().schedule(this::authTimedOut, limits.authTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        transport.opened(ctx.channel());
        super.channelActive(ctx);
    }

    @Override public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel(authTimer);
        cancel(messageTimer);
        if (holdsPlace) {
            holdsPlace = false;
            admission.release(remote.getAddress());
        }
        transport.closed(ctx.channel(), remote);
        super.channelInactive(ctx);
    }

    /** A request on this connection passed authentication: it is no longer held to tcpauthtimeout or counted against tcpauthlimit. */
    void authenticated() {
        if (ctx == null) return;
        try {
            ctx.executor().execute(() -> {
                if (authenticated) return;
                authenticated = true;
                cancel(authTimer);
                if (holdsPlace) {
                    holdsPlace = false;
                    admission.release(remote.getAddress());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // the transport is closing: nothing left to trust
        }
    }

    @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (closing) return; // lingering after an answer: what still comes is dropped unread
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            Endpoint source = new Endpoint(transport.protocol(), remote);
            decoder.feed(bytes, 0, bytes.length, r -> {
                messages++;
                Inbound.handle(r, source, listener, reply -> ctx.writeAndFlush(Unpooled.wrappedBuffer(reply)));
            });
            for (int n = decoder.takePings(); n > 0; n--) ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG)); // RFC 5626 §4.4.1
            if (decoder.state() == SipStreamDecoder.State.CLOSED) {
                if (!closing) closeAfterAnswer();
            } else if (decoder.inMessage() && messageTimer == null) {
                armMessageTimer();
            }
        } catch (RuntimeException e) {
            PbxLog.limited(PbxLog.Level.ERROR, TcpAdmission.LOG, peer, "TCP reader from " + who + ": " + e);
        } finally {
            buf.release();
        }
    }

    /**
     * Framing is lost: the answer already written goes out, then our side is shut (FIN) and what
     * the peer still sends is read and dropped for a moment before the socket closes, so the
     * peer reads the answer and an orderly end instead of a reset that could swallow it.
     */
    private void closeAfterAnswer() {
        closing = true;
        cancel(messageTimer);
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(done -> {
            if (ctx.channel() instanceof SocketChannel sc && sc.isActive()) sc.shutdownOutput();
            ctx.executor().schedule(() -> { ctx.close(); }, LINGER_MS, TimeUnit.MILLISECONDS);
        });
    }

    /** Closes the connection if the message now begun is still not complete in tcpauthtimeout. */
    private void armMessageTimer() {
        long mark = messages;
        messageTimer = ctx.executor().schedule(() -> {
            messageTimer = null;
            // both timers may fall due together: the connection is closed, and said so, once
            if (closing || !ctx.channel().isActive() || !decoder.inMessage()) return;
            if (messages != mark) { // messages came meanwhile; time the one now begun
                armMessageTimer();
                return;
            }
            PbxLog.limited(PbxLog.Level.NOTICE, TcpAdmission.LOG, peer, "Closing TCP connection from " + who
                + ": a message begun " + limits.authTimeout().toSeconds() + " s ago is still incomplete (tcpauthtimeout)");
            closing = true;
            ctx.close();
        }, limits.authTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void authTimedOut() {
        if (authenticated || closing || !ctx.channel().isActive()) return;
        closing = true;
        PbxLog.limited(PbxLog.Level.NOTICE, TcpAdmission.LOG, peer, "Closing TCP connection from " + who
            + ": not authenticated within " + limits.authTimeout().toSeconds() + " s (tcpauthtimeout)");
        ctx.close();
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) f.cancel(false);
    }

    @Override public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            PbxLog.debug(TcpAdmission.LOG, "closing idle TCP connection from " + who);
            ctx.close();
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof java.io.IOException) { // a reset or broken pipe: how peers leave, nothing to tell an admin
            PbxLog.debug(TcpAdmission.LOG, "TCP connection from " + who + " closed: " + cause);
        } else {
            PbxLog.limited(PbxLog.Level.WARNING, TcpAdmission.LOG, peer, "TCP connection from " + who + " closed: " + cause);
        }
        ctx.close();
    }
}
