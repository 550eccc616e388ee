/**
 * RTP and RTCP (RFC 3550). Without sockets: packet views, parsers that return a failure value
 * instead of throwing, writers into caller buffers; RFC 4733 telephone-events with a receiver
 * and a sender; receive statistics (Appendix A); a jitter buffer; SSRC continuity across a
 * bridge. Per-packet paths allocate nothing beyond the short-lived {@code RtpPacket} view
 * record, take no locks and log nothing. RTCP, a few packets a second, uses plain records.
 *
 * <p>On sockets: {@link org.switchboard.media.rtp.RtpEngine} (rtp.conf's port range, read by
 * {@link org.switchboard.media.rtp.RtpConfig}) opens one {@link org.switchboard.media.rtp.RtpSession}
 * per audio stream: receive to a listener, send with transcoding, RFC 4733 out, comedia and
 * strict RTP, RTP timeouts, RTCP reports, and native bridging that relays packets between two
 * sessions without decoding them. Relaying adds only the Netty datagram per packet.
 */
package org.switchboard.media.rtp;
