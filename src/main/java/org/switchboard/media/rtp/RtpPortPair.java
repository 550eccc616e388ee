package org.switchboard.media.rtp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;

/**
 * A bound RTP/RTCP socket pair (port, port+1) that outlives the sessions using it: a call's end
 * hands it back to the engine and the next call takes it, so call set-up and tear-down cost no
 * socket, bind or selector registration. Packets go to the current session, or are dropped
 * between sessions.
 */
final class RtpPortPair {
    final int port;
    final EventLoop loop;
    final Forwarder rtpIn = new Forwarder();
    final Forwarder rtcpIn = new Forwarder();
    Channel rtp;
    Channel rtcp;
    volatile long idleSince;
    volatile boolean pooled;

    RtpPortPair(int port, EventLoop loop) {
        this.port = port;
        this.loop = loop;
    }

    void attach(RtpSession s) {
        rtpIn.target = (ChannelInboundHandler) s.rtpHandler();
        rtcpIn.target = (ChannelInboundHandler) s.rtcpHandler();
    }

    void detach() {
        rtpIn.target = null;
        rtcpIn.target = null;
    }

    void close() {
        detach();
        if (rtp != null) rtp.close();
        if (rtcp != null) rtcp.close();
    }

    /** Passes what a socket reads to the session that holds the pair now. */
    static final class Forwarder extends ChannelInboundHandlerAdapter {
        volatile ChannelInboundHandler target;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            ChannelInboundHandler t = target;
            if (t == null) ReferenceCountUtil.release(msg); // a late packet of the last call
            else t.channelRead(ctx, msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
            ChannelInboundHandler t = target;
            if (t != null) t.exceptionCaught(ctx, cause);
        }
    }
}
