package org.switchboard.channels.sip.message;

/** Limits the parser and stream decoder enforce against floods and oversize input. */
public record SipLimits(int maxMessageSize, int maxHeaders, int maxLineLength) {
    public static final SipLimits DEFAULT = new SipLimits(64 * 1024, 100, 8 * 1024);
}
