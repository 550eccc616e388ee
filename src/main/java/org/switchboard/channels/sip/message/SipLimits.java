package org.switchboard.channels.sip.message;

/**
 * Limits the parser and stream decoder enforce against floods and oversize input.
 *
 * @param maxMessageSize bytes of a whole message, head and body (over it: 513, RFC 3261 §21.5.14)
 * @param maxHeaders     header fields in one message
 * @param maxLineLength  bytes of one line of the head
 * @param maxHeaderSize  bytes of the start line and header fields together (over it: 513, and a
 *                       stream connection is closed: its framing is lost)
 */
public record SipLimits(int maxMessageSize, int maxHeaders, int maxLineLength, int maxHeaderSize) {
    public static final SipLimits DEFAULT = new SipLimits(64 * 1024, 100, 8 * 1024, 32 * 1024);

    public SipLimits {
        if (maxMessageSize < 1 || maxHeaders < 1 || maxLineLength < 1 || maxHeaderSize < 1) {
            throw new IllegalArgumentException("SIP limits must be positive");
        }
    }

    /** Without a separate limit on the head: it may take the whole message. */
    public SipLimits(int maxMessageSize, int maxHeaders, int maxLineLength) {
        this(maxMessageSize, maxHeaders, maxLineLength, maxMessageSize);
    }

    /** These limits with the head capped at {@code bytes}. */
    public SipLimits withMaxHeaderSize(int bytes) { return new SipLimits(maxMessageSize, maxHeaders, maxLineLength, bytes); }
}
