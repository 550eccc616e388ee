package org.switchboard.channels.sip.sdp;

/** Media direction attributes (RFC 3264 §5.1, §6.1, RFC 4566 §6). */
public enum Direction {
    SENDRECV(true, true), SENDONLY(true, false), RECVONLY(false, true), INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    public boolean sends() { return sends; }
    public boolean receives() { return receives; }

    public String attribute() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** The direction seen from the other end: the answer to a sendonly offer is recvonly (§6.1). */
    public Direction reverse() { return of(receives, sends); }

    /** What both allow. */
    public Direction and(Direction other) { return of(sends && other.sends, receives && other.receives); }

    public static Direction of(boolean sends, boolean receives) {
        return sends ? (receives ? SENDRECV : SENDONLY) : (receives ? RECVONLY : INACTIVE);
    }

    /** The direction named by an attribute, or null if it names none. */
    public static Direction fromAttribute(String name) {
        return switch (name) {
            case "sendrecv" -> SENDRECV;
            case "sendonly" -> SENDONLY;
            case "recvonly" -> RECVONLY;
            case "inactive" -> INACTIVE;
            default -> null;
        };
    }
}
