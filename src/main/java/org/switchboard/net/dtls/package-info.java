/**
 * DTLS-SRTP (RFC 5764) on Bouncy Castle and jitsi-srtp: {@link org.switchboard.net.dtls.DtlsEndpoint}
 * runs one handshake over a {@link org.switchboard.net.dtls.DatagramPipe}, with the process's
 * self-signed ECDSA P-256 {@link org.switchboard.net.dtls.DtlsCertificate}, checks the peer's
 * certificate against its announced fingerprint and exports the SRTP keys;
 * {@link org.switchboard.net.dtls.Srtp} protects and unprotects packets in place. No sockets here:
 * the ICE transport moves the datagrams.
 */
package org.switchboard.net.dtls;
