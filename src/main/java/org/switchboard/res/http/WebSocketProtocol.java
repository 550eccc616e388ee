package org.switchboard.res.http;

import java.net.InetSocketAddress;

/**
 * A WebSocket subprotocol served on {@code /ws} (res_http_websocket's protocol registration):
 * the client names it in {@code Sec-WebSocket-Protocol} (RFC 6455 §1.9), e.g. {@code sip}
 * (RFC 7118). Registered with {@link HttpRoutes}, whichever module loads first.
 */
public interface WebSocketProtocol {
    /** A client completed the handshake; returns what receives its messages, or null to refuse it (closed at once). */
    Session open(Peer peer);

    /** One open connection, as the protocol sees it; called on the connection's event loop only. */
    interface Session {
        /** One whole message (fragments joined): its payload, and whether it was a text frame. */
        void onMessage(byte[] payload, boolean text);

        /** The connection is gone, whoever closed it. */
        void onClose();
    }

    /** The far end of a connection. Thread-safe. */
    interface Peer {
        InetSocketAddress remote();

        InetSocketAddress local();

        /** Over HTTPS (wss:). */
        boolean secure();

        /** Sends one text frame; false when the connection is closed. */
        boolean sendText(byte[] utf8);

        /** Closes with a status code (RFC 6455 §7.4.1) and a reason. */
        void close(int status, String reason);
    }
}
