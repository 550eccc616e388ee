package org.switchboard.media.rtp;

/** What {@link RtpParser#parse} returns: a packet, or the reason there is none. */
public sealed interface RtpParseResult permits RtpPacket, RtpParseResult.Invalid {
    default boolean ok() { return this instanceof RtpPacket; }

    /** A datagram that is not a valid RTP packet; constants, so rejecting allocates nothing. */
    record Invalid(String reason) implements RtpParseResult {
        public static final Invalid TOO_SHORT = new Invalid("shorter than the 12-byte RTP header");
        public static final Invalid BAD_VERSION = new Invalid("version is not 2");
        public static final Invalid BAD_CSRC = new Invalid("CSRC list runs past the end");
        public static final Invalid BAD_EXTENSION = new Invalid("header extension runs past the end");
        public static final Invalid BAD_PADDING = new Invalid("padding count is 0 or longer than the payload");
        public static final Invalid RTCP = new Invalid("payload type 72-76: an RTCP packet (RFC 5761 §4)");
    }
}
