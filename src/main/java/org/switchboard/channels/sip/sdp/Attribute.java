package org.switchboard.channels.sip.sdp;

/** An {@code a=} line (RFC 4566 §5.13): a property attribute has a null value. */
public record Attribute(String name, String value) {
    public static Attribute flag(String name) { return new Attribute(name, null); }

    @Override public String toString() { return value == null ? name : name + ":" + value; }
}
