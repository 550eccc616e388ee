package org.switchboard.channels.sip.config;

/**
 * A peer whose media runs over ICE and DTLS-SRTP (WebRTC, RFC 8827) instead of plain RTP:
 * pjsip.conf's {@code media_encryption=dtls} / {@code ice_support=yes}, or {@code webrtc=yes}
 * with its whole bundle. What the SDP then says: the profile {@code UDP/TLS/RTP/SAVPF} with
 * {@code avpf} (RFC 5124), else {@code UDP/TLS/RTP/SAVP} (RFC 5764 §8); rtcp-mux always (RFC 5761:
 * the transport has one component).
 *
 * @param avpf    {@code use_avpf}
 * @param rtcpMux {@code rtcp_mux} as configured (the transport multiplexes either way)
 */
public record IceDtlsMedia(boolean avpf, boolean rtcpMux) {
    public String profile() { return avpf ? "UDP/TLS/RTP/SAVPF" : "UDP/TLS/RTP/SAVP"; }
}
