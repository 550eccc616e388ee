package org.switchboard.channels.sip.sdp;

import java.util.List;

/**
 * A session description (RFC 4566 §5). {@code connection} is the session-level c= (null when each
 * media section has its own); {@code timing} is the t= value; {@code other} keeps the session-level
 * i=, u=, e=, p=, b=, r=, z=, k= lines as {@code "x=value"} in order.
 */
public record SessionDescription(int version, Origin origin, String sessionName, Connection connection,
                                 String timing, List<Attribute> attributes, List<MediaDescription> media,
                                 List<String> other) {

    public SessionDescription {
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
        other = other == null ? List.of() : List.copyOf(other);
        if (timing == null) timing = "0 0";
    }

    /** The session-level direction attribute, or null. */
    public Direction direction() {
        for (Attribute a : attributes) {
            if (a.value() == null) {
                Direction d = Direction.fromAttribute(a.name());
                if (d != null) return d;
            }
        }
        return null;
    }

    /** The connection that applies to {@code m}: its own, else the session's (RFC 4566 §5.7). */
    public Connection connectionFor(MediaDescription m) { return m.connection() != null ? m.connection() : connection; }

    /** The direction that applies to {@code m}, sendrecv by default (RFC 3264 §5.1). */
    public Direction directionFor(MediaDescription m) {
        Direction d = m.direction();
        if (d == null) d = direction();
        return d == null ? Direction.SENDRECV : d;
    }

    public MediaDescription firstAudio() {
        for (MediaDescription m : media) if (m.isAudio()) return m;
        return null;
    }

    @Override public String toString() { return SdpWriter.write(this); }
}
