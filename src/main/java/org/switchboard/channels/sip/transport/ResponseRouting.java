package org.switchboard.channels.sip.transport;

import java.net.InetSocketAddress;
import org.switchboard.channels.sip.message.Via;

/** Where a server sends a response (RFC 3261 §18.2.2, RFC 3581 §4). */
public final class ResponseRouting {
    private ResponseRouting() {}

    /**
     * The destination of responses to a request whose (stamped) top Via is {@code via} and which
     * came from {@code source}.
     */
    public static Endpoint destination(Via via, Endpoint source) {
        if (source.reliable()) return source; // §18.2.2: over the connection the request came on
        String host = via.received() != null ? via.received() : via.host(); // §18.2.2: to received
        int rport = via.rportValue();
        int port = rport > 0 ? rport : via.port() > 0 ? via.port() : 5060; // RFC 3581 §4: to rport
        InetSocketAddress src = source.address();
        if (port == src.getPort() && host.equals(src.getAddress().getHostAddress())) return source;
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        return new Endpoint(source.protocol(), new InetSocketAddress(host, port));
    }
}
