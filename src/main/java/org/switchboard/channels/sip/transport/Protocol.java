package org.switchboard.channels.sip.transport;

import java.util.Locale;

/**
 * A SIP transport protocol; reliable ones skip retransmission timers (RFC 3261 §17.1.1.2, §17.2.1).
 * WS and WSS (RFC 7118) are flows a browser opened: requests to it go back over that connection.
 */
public enum Protocol {
    UDP(false), TCP(true), WS(true), WSS(true);

    private final boolean reliable;

    Protocol(boolean reliable) { this.reliable = reliable; }

    public boolean reliable() { return reliable; }

    /** A WebSocket flow (RFC 7118 §5): the peer's address cannot be dialled, only the connection it opened. */
    public boolean isWebSocket() { return this == WS || this == WSS; }

    /** The URI's {@code ;transport=} value for a Contact over this protocol, or "" for UDP (RFC 3261 §19.1.1, RFC 7118 §5.2). */
    public String uriParam() { return this == UDP ? "" : ";transport=" + name().toLowerCase(Locale.ROOT); }

    /** The protocol named by a Via transport or a transport= URI parameter; UDP when null. */
    public static Protocol of(String name) {
        if (name == null) return UDP;
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "TCP" -> TCP;
            case "UDP" -> UDP;
            case "WS" -> WS;
            case "WSS" -> WSS;
            default -> throw new IllegalArgumentException("unsupported transport " + name);
        };
    }
}
