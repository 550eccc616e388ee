package org.switchboard.channels.sip.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLException;
import org.switchboard.core.PbxLog;

/**
 * Sits after the {@link io.netty.handler.ssl.SslHandler} of a SIP TLS connection: a failed
 * handshake (a certificate that does not verify, plaintext on the TLS port, no common version)
 * becomes one log line, rate-limited per address, and the connection closes; the SSL errors that
 * follow it are not logged again. Messages pass on untouched.
 */
final class TlsHandshakeWatch extends ChannelInboundHandlerAdapter {
    private final boolean accepted;
    private boolean failed;

    TlsHandshakeWatch(boolean accepted) { this.accepted = accepted; }

    @Override public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent done && !done.isSuccess()) {
            failed = true;
            InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
            String who = remote == null ? "?" : remote.getAddress().getHostAddress() + ":" + remote.getPort();
            PeerLog.log(PbxLog.Level.NOTICE, TcpAdmission.LOG, remote, "TLS handshake " + (accepted ? "from " : "to ")
                + who + " failed: " + reason(done.cause()) + "; connection closed");
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        if (failed || isTls(cause)) {
            ctx.close(); // the handshake's own line says it (or will: the event follows the exception for some failures)
            return;
        }
        super.exceptionCaught(ctx, cause);
    }

    private static boolean isTls(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) if (c instanceof SSLException) return true;
        return false;
    }

    /** What an admin can act on: the innermost message, without Netty's wrapping. */
    static String reason(Throwable t) {
        if (t instanceof NotSslRecordException || (t instanceof DecoderException d && d.getCause() instanceof NotSslRecordException)) {
            return "not TLS (plaintext on the TLS port?)";
        }
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }
}
