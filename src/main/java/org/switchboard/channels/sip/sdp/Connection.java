package org.switchboard.channels.sip.sdp;

/** {@code c=<nettype> <addrtype> <connection-address>} (RFC 4566 §5.7). */
public record Connection(String netType, String addrType, String address) {

    public static Connection of(String address) {
        return new Connection("IN", address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }

    /** {@code c=IN IP4 0.0.0.0}: hold as RFC 2543 did it (RFC 3264 §8.4). */
    public boolean isLegacyHold() { return address.equals("0.0.0.0"); }

    @Override public String toString() { return netType + " " + addrType + " " + address; }
}
