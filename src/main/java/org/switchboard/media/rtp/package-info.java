/**
 * RTP and RTCP without sockets (RFC 3550): packet views, parsers that return a failure value
 * instead of throwing, writers into caller buffers; RFC 4733 telephone-events with a receiver
 * and a sender; receive statistics (Appendix A); a jitter buffer; SSRC continuity across a
 * bridge. Per-packet paths allocate nothing beyond the short-lived {@code RtpPacket} view
 * record, take no locks and log nothing. RTCP, a few packets a second, uses plain records.
 */
package org.switchboard.media.rtp;
