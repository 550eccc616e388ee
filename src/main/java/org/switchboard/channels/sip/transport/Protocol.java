package org.switchboard.channels.sip.transport;

import java.util.Locale;

/**
 * A SIP transport protocol; reliable ones skip retransmission timers (RFC 3261 §17.1.1.2, §17.2.1).
 * TLS is TCP framing under TLS (§26.3.1), on 5061 by default.
 * WS and WSS (RFC 7118) are flows a browser opened: requests to it go back over that connection.
 */
public enum Protocol {
    UDP(false), TCP(true), TLS(true), WS(true), WSS(true);

    private final boolean reliable;

    Protocol(boolean reliable) { this.reliable = reliable; }

    public boolean reliable() { return reliable; }

    /** A WebSocket flow (RFC 7118 §5): the peer's address cannot be dialled, only the connection it opened. */
    public boolean isWebSocket() { return this == WS || this == WSS; }

    /** The URI's {@code ;transport=} value for a Contact over this protocol, or "" for UDP (RFC 3261 §19.1.1, RFC 7118 §5.2). */
    public String uriParam() { return this == UDP ? "" : ";transport=" + name().toLowerCase(Locale.ROOT); }

    /** The bare {@code transport=} URI parameter value for this protocol; null for UDP (the default). */
    public String transportParam() { return this == UDP ? null : name().toLowerCase(Locale.ROOT); }

    /** The port a URI without one means (RFC 3261 §19.1.2; §26.2: sips and TLS use 5061). */
    public int defaultPort() { return this == TLS ? 5061 : 5060; }

    /** The protocol named by a Via transport or a transport= URI parameter; UDP when null. */
    public static Protocol of(String name) {
        if (name == null) return UDP;
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "TCP" -> TCP;
            case "UDP" -> UDP;
            case "TLS" -> TLS;
            case "WS" -> WS;
            case "WSS" -> WSS;
            default -> throw new IllegalArgumentException("unsupported transport " + name);
        };
    }
}
