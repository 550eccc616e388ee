package org.switchboard.channels.sip.sdp;

import java.util.List;

/**
 * One media section (RFC 4566 §5.14): {@code m=<media> <port>[/<count>] <proto> <fmt> ...} and the
 * lines under it. {@code connection} is null when the session-level one applies; {@code other}
 * keeps i=, b= and k= lines as {@code "x=value"} in order. Port 0 marks a rejected or disabled stream.
 */
public record MediaDescription(String media, int port, int portCount, String proto, List<String> formats,
                               Connection connection, List<Attribute> attributes, List<String> other) {

    public MediaDescription {
        formats = List.copyOf(formats);
        attributes = List.copyOf(attributes);
        other = other == null ? List.of() : List.copyOf(other);
    }

    public boolean isAudio() { return media.equals("audio"); }
    public boolean isRtp() { return proto.equals("RTP/AVP") || proto.equals("RTP/SAVP"); }
    public boolean isSecure() { return proto.equals("RTP/SAVP"); }

    /** The first value of attribute {@code name}, "" for a flag, null when absent. */
    public String attribute(String name) {
        for (Attribute a : attributes) if (a.name().equals(name)) return a.value() == null ? "" : a.value();
        return null;
    }

    public RtpMap rtpMap(int pt) {
        for (Attribute a : attributes) {
            if (a.name().equals("rtpmap") && a.value() != null) {
                RtpMap m = RtpMap.parse(a.value());
                if (m != null && m.payloadType() == pt) return m;
            }
        }
        return null;
    }

    /** The fmtp parameters of payload type {@code pt}, or null. */
    public String fmtp(int pt) {
        String prefix = pt + " ";
        for (Attribute a : attributes) {
            if (a.name().equals("fmtp") && a.value() != null && a.value().startsWith(prefix)) {
                return a.value().substring(prefix.length()).trim();
            }
        }
        return null;
    }

    /** a=ptime in milliseconds, or -1. */
    public int ptime() {
        String v = attribute("ptime");
        return v == null ? -1 : SdpParser.number(v.trim(), 0, v.trim().length());
    }

    /** The direction attribute of this section, or null when it has none (the session's applies). */
    public Direction direction() {
        for (Attribute a : attributes) {
            if (a.value() == null) {
                Direction d = Direction.fromAttribute(a.name());
                if (d != null) return d;
            }
        }
        return null;
    }

    public MediaDescription withPort(int newPort) {
        return new MediaDescription(media, newPort, portCount, proto, formats, connection, attributes, other);
    }
}
