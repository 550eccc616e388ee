/**
 * SIP transports (RFC 3261 §18) on Netty: {@link org.switchboard.channels.sip.transport.UdpSipTransport}
 * and {@link org.switchboard.channels.sip.transport.TcpSipTransport}, the received/rport stamp on
 * incoming requests (RFC 3581) and response routing (§18.2.2). Bad input is answered or logged,
 * never allowed to kill a reader.
 */
package org.switchboard.channels.sip.transport;
