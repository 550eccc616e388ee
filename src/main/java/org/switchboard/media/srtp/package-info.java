/**
 * SRTP (RFC 3711) keyed by SDES (RFC 4568) over the plain UDP RTP transport:
 * {@link org.switchboard.media.srtp.SdesSrtpTransport} wraps it, so an
 * {@link org.switchboard.media.rtp.RtpSession} sees plain RTP whatever is on the wire. The crypto
 * is jitsi-srtp's through {@link org.switchboard.net.dtls.Srtp}, the same DTLS-SRTP uses.
 */
package org.switchboard.media.srtp;
