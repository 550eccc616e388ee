package org.switchboard.channels.sip.transport;

import java.util.Locale;

/** A SIP transport protocol; reliable ones skip retransmission timers (RFC 3261 §17.1.1.2, §17.2.1). */
public enum Protocol {
    UDP(false), TCP(true);

    private final boolean reliable;

    Protocol(boolean reliable) { this.reliable = reliable; }

    public boolean reliable() { return reliable; }

    /** The protocol named by a Via transport or a transport= URI parameter; UDP when null. */
    public static Protocol of(String name) {
        if (name == null) return UDP;
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "TCP" -> TCP;
            case "UDP" -> UDP;
            default -> throw new IllegalArgumentException("unsupported transport " + name);
        };
    }
}
