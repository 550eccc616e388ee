/**
 * RTP and RTCP (RFC 3550). Without sockets: packet views, parsers that return a failure value
 * instead of throwing, writers into caller buffers; RFC 4733 telephone-events with a receiver
 * and a sender; receive statistics (Appendix A); a jitter buffer; SSRC continuity across a
 * bridge. Per-packet paths allocate nothing beyond the short-lived {@code RtpPacket} view
 * record, take no locks and log nothing. RTCP, a few packets a second, uses plain records.
 *
 * <p>The stream and its transport are apart. {@link org.switchboard.media.rtp.RtpSession} is the
 * stream of one call leg: receive to a listener, send with transcoding, RFC 4733 out, comedia and
 * strict RTP, RTP timeouts, RTCP reports, and native bridging that relays packets between two
 * sessions without decoding them. It runs over an {@link org.switchboard.media.rtp.RtpTransport},
 * which only moves packets: {@link org.switchboard.media.rtp.UdpRtpTransport} on a pooled port
 * pair of {@link org.switchboard.media.rtp.RtpEngine} (rtp.conf's range, read by
 * {@link org.switchboard.media.rtp.RtpConfig}), or ICE + DTLS-SRTP for Jingle and WebRTC. Relaying
 * over UDP adds only the Netty datagram per packet.
 */
package org.switchboard.media.rtp;
