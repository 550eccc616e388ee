package org.switchboard.channels.sip.sdp;

/** {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>} (RFC 4566 §5.2). */
public record Origin(String username, String sessionId, long sessionVersion, String netType, String addrType,
                     String address) {

    public static Origin of(String username, long sessionId, long version, String address) {
        return new Origin(username, Long.toString(sessionId), version, "IN",
            address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }

    /** The same origin one version later, as each new offer in a session must be (RFC 3264 §8). */
    public Origin next() { return new Origin(username, sessionId, sessionVersion + 1, netType, addrType, address); }

    @Override public String toString() {
        return username + " " + sessionId + " " + sessionVersion + " " + netType + " " + addrType + " " + address;
    }
}
