package org.switchboard.channels.sip.transport;

import java.net.InetSocketAddress;

/**
 * Where a message comes from or goes to: a protocol and a socket address. For TCP the address is
 * the remote end of a connection, so a response sent to the source of a request goes back over
 * the connection it came on (RFC 3261 §18.2.2).
 */
public record Endpoint(Protocol protocol, InetSocketAddress address) {

    public static Endpoint udp(InetSocketAddress address) { return new Endpoint(Protocol.UDP, address); }
    public static Endpoint tcp(InetSocketAddress address) { return new Endpoint(Protocol.TCP, address); }
    public static Endpoint tls(InetSocketAddress address) { return new Endpoint(Protocol.TLS, address); }

    public boolean reliable() { return protocol.reliable(); }

    @Override public String toString() {
        return protocol + ":" + address.getHostString() + ":" + address.getPort();
    }
}
