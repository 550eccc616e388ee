/**
 * SIP transports (RFC 3261 §18) on Netty: {@link org.switchboard.channels.sip.transport.UdpSipTransport}
 * and {@link org.switchboard.channels.sip.transport.TcpSipTransport} (plain, or under TLS with
 * {@link org.switchboard.channels.sip.transport.TlsContexts}: RFC 3261 §26, one log line per failed
 * handshake from {@link org.switchboard.channels.sip.transport.TlsHandshakeWatch}), the received/rport stamp on
 * incoming requests (RFC 3581) and response routing (§18.2.2). Bad input is answered or logged,
 * never allowed to kill a reader; what a stranger may cost over TCP is capped by
 * {@link org.switchboard.channels.sip.transport.TcpLimits} (sip.conf tcpauthtimeout, tcpauthlimit),
 * and every log line a peer can cause goes through {@link org.switchboard.channels.sip.transport.PeerLog}.
 */
package org.switchboard.channels.sip.transport;
