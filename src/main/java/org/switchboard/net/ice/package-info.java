/**
 * ICE (RFC 8445) under the media layer: {@link org.switchboard.net.ice.IceDtlsTransport} is the
 * {@link org.switchboard.media.rtp.RtpTransport} of Jingle calls (XEP-0176/0320) and WebRTC
 * phones: one UDP socket per host address, demultiplexed by first byte (RFC 7983) into STUN for
 * ice4j's agent, DTLS for {@link org.switchboard.net.dtls}, and SRTP handled on the event loop.
 * The signalling-facing values are small records ({@link org.switchboard.net.ice.IceCandidate},
 * {@link org.switchboard.net.ice.IceCredentials}, {@link org.switchboard.net.ice.DtlsFingerprint},
 * {@link org.switchboard.net.ice.DtlsSetup}); {@link org.switchboard.net.ice.IceSdp} writes and
 * reads them as SDP attributes without I/O.
 */
package org.switchboard.net.ice;
