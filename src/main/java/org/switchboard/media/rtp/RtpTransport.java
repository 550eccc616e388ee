package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;

/**
 * How one {@link RtpSession}'s packets reach the network and come back. The session is the
 * stream (sequence, SSRC, timestamps, RTCP, DTMF, jitter buffer); the transport only moves
 * packets: a plain UDP port pair for SIP ({@link UdpRtpTransport}), ICE with DTLS-SRTP for
 * Jingle and WebRTC. Either way the session sees plain RTP and RTCP: a secured transport
 * unprotects a packet before its handler sees it and protects it on send.
 *
 * <p>Per packet (the native relay's hot path) a transport adds no lock and allocates nothing
 * beyond what its own wire needs (UDP: the outgoing datagram).
 */
public interface RtpTransport extends AutoCloseable {
    /**
     * Takes one received packet. {@code packet} is the transport's: valid during the call only,
     * released after it; {@code retain()} it to keep it (a relay sends it on). Runs on
     * {@link #eventLoop()}.
     */
    @FunctionalInterface
    interface PacketHandler {
        void onPacket(ByteBuf packet, InetSocketAddress from);
    }

    /**
     * What a transport offers the stream above it.
     *
     * @param name    short word for logs and {@code sip show channelstats}: "udp", "ice-dtls-srtp"
     * @param secure  media is encrypted and authenticated on the wire (SRTP, RFC 3711)
     * @param rtcpMux RTP and RTCP share one flow (RFC 5761); RTCP then goes to the RTP address,
     *                not its port+1 (RFC 3550 §11)
     * @param relay   each packet reaches the stream as plain RTP it may rewrite and hand to another
     *                transport, so legs agreeing on a codec can pass packets without decoding them
     *                (native bridging, Echo's turn-around)
     */
    record Capabilities(String name, boolean secure, boolean rtcpMux, boolean relay) {
        /** RTP on an even port, RTCP on the next one, nothing encrypted: SIP's usual media. */
        public static final Capabilities PLAIN_UDP = new Capabilities("udp", false, false, true);
    }

    /**
     * Starts delivering received packets: RTP to {@code rtp}, RTCP to {@code rtcp} (told apart by
     * the flow they came on or, under rtcp-mux, by RFC 5761 §4). Called once, by the session.
     */
    void receive(PacketHandler rtp, PacketHandler rtcp);

    /**
     * Sends one RTP packet towards {@code to}; the transport owns {@code packet} from here (it
     * releases it once written, or dropped after {@link #close}). May be called from any thread;
     * the session calls it on {@link #eventLoop()}. A transport that chose its own path (ICE: the
     * nominated candidate pair) may send there instead.
     */
    void sendRtp(ByteBuf packet, InetSocketAddress to);

    /** Sends one RTCP compound packet towards {@code to}; ownership as {@link #sendRtp}. */
    void sendRtcp(ByteBuf packet, InetSocketAddress to);

    /** Where outgoing packets are allocated. */
    ByteBufAllocator alloc();

    /** The one thread the handlers run on; the session's stream state lives on it too. */
    EventExecutor eventLoop();

    /** Our RTP address, as offered in SDP ({@code c=} and {@code m=} port). */
    InetSocketAddress localAddress();

    Capabilities capabilities();

    /** SRTP packets dropped because they failed authentication or the replay check; 0 for an unsecured transport. */
    default long srtpAuthFailures() { return 0; }

    /** Stops receiving and sending; idempotent. Packets passed to send afterwards are released. */
    @Override
    void close();
}
