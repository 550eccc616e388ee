package org.switchboard.media.rtp;

/**
 * A view of one RTP packet (RFC 3550 §5.1) inside a caller's buffer: the fixed header fields
 * decoded, the payload located, nothing copied. Valid while the buffer is not reused.
 * Timestamp and SSRC are unsigned 32-bit values held in an {@code int} (wrapping arithmetic
 * works on them as RTP intends); sequence is 0..65535.
 */
public record RtpPacket(byte[] buffer, int offset, int length, boolean padding, boolean extension,
                        int csrcCount, boolean marker, int payloadType, int sequence, int timestamp, int ssrc,
                        int payloadOffset, int payloadLength) implements RtpParseResult {

    public int version() { return 2; }

    public long timestampUnsigned() { return timestamp & 0xFFFFFFFFL; }

    public long ssrcUnsigned() { return ssrc & 0xFFFFFFFFL; }

    /** The i-th contributing source. */
    public int csrc(int i) {
        if (i < 0 || i >= csrcCount) throw new IndexOutOfBoundsException(i);
        return RtpParser.int32(buffer, offset + 12 + 4 * i);
    }

    /** Header extension's 16-bit profile word (RFC 3550 §5.3.1), or -1 without an extension. */
    public int extensionProfile() {
        return extension ? RtpParser.int16(buffer, offset + 12 + 4 * csrcCount) : -1;
    }

    /** Bytes before the payload: fixed header, CSRCs and extension. */
    public int headerLength() { return payloadOffset - offset; }

    /** The payload copied out (tests and slow paths). */
    public byte[] payload() {
        return java.util.Arrays.copyOfRange(buffer, payloadOffset, payloadOffset + payloadLength);
    }
}
