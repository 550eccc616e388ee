package org.switchboard.media.rtp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;

/**
 * A bound RTP/RTCP socket pair (port, port+1) that outlives the calls using it: a call's end
 * hands it back to the engine and the next call takes it, so call set-up and tear-down cost no
 * socket, bind or selector registration. Packets go to the handlers of the {@link UdpRtpTransport}
 * that holds the pair now, or are dropped between calls.
 */
final class RtpPortPair {
    final int port;
    final EventLoop loop;
    final Forwarder rtpIn = new Forwarder(true);
    final Forwarder rtcpIn = new Forwarder(false);
    Channel rtp;
    Channel rtcp;
    volatile long idleSince;
    volatile long idleSinceMillis; // on the engine's clock, for closing long-idle pairs
    volatile boolean pooled;

    RtpPortPair(int port, EventLoop loop) {
        this.port = port;
        this.loop = loop;
    }

    void attach(RtpTransport.PacketHandler rtpHandler, RtpTransport.PacketHandler rtcpHandler) {
        rtpIn.target = rtpHandler;
        rtcpIn.target = rtcpHandler;
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

    /** Passes what a socket reads to the handler that holds the pair now, and frees the datagram after. */
    static final class Forwarder extends ChannelInboundHandlerAdapter {
        private final boolean rtpPort;
        volatile RtpTransport.PacketHandler target;

        Forwarder(boolean rtpPort) { this.rtpPort = rtpPort; }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            RtpTransport.PacketHandler t = target;
            if (t == null || !(msg instanceof DatagramPacket p)) { // a late packet of the last call
                ReferenceCountUtil.release(msg);
                return;
            }
            try {
                // ICE connectivity checks some phones send to the RTP port (linphone): not media, not an error
                if (!(rtpPort && RtpDemux.isStun(p.content()))) t.onPacket(p.content(), p.sender());
            } finally {
                p.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // A UDP socket stays open through errors (ICMP unreachable and the like).
        }
    }
}
