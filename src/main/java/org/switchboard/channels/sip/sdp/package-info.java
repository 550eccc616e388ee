/**
 * SDP (RFC 4566) records, parser and writer, and RFC 3264 offer/answer for one audio stream with
 * PCMU, PCMA, G.722, Opus and telephone-event ({@link org.switchboard.channels.sip.sdp.SdpNegotiator}).
 * Pure functions over records; the caller owns sockets and ports.
 */
package org.switchboard.channels.sip.sdp;
