package org.switchboard.media.rtp;

/** Parses RTP datagrams (RFC 3550 §5.1, validity per Appendix A.1) without I/O or exceptions. */
public final class RtpParser {
    private RtpParser() {}

    public static RtpParseResult parse(byte[] buf) { return parse(buf, 0, buf.length); }

    public static RtpParseResult parse(byte[] buf, int off, int len) {
        if (len < 12 || off < 0 || off + len > buf.length) return RtpParseResult.Invalid.TOO_SHORT;
        int b0 = buf[off] & 0xFF;
        int b1 = buf[off + 1] & 0xFF;
        if ((b0 >> 6) != 2) return RtpParseResult.Invalid.BAD_VERSION;
        boolean padding = (b0 & 0x20) != 0;
        boolean extension = (b0 & 0x10) != 0;
        int cc = b0 & 0x0F;
        int pt = b1 & 0x7F;
        // RFC 5761 §4: with rtcp-mux, 72-76 in this position is an RTCP packet type (200-204).
        if (pt >= 72 && pt <= 76) return RtpParseResult.Invalid.RTCP;
        int header = 12 + 4 * cc;
        if (header > len) return RtpParseResult.Invalid.BAD_CSRC;
        if (extension) {
            // §5.3.1: 16-bit profile, 16-bit length in 32-bit words, not counting this word.
            if (header + 4 > len) return RtpParseResult.Invalid.BAD_EXTENSION;
            int words = int16(buf, off + header + 2);
            header += 4 + 4 * words;
            if (header > len) return RtpParseResult.Invalid.BAD_EXTENSION;
        }
        int payloadLen = len - header;
        if (padding) {
            // §5.1: the last octet counts the padding octets, itself included.
            int pad = buf[off + len - 1] & 0xFF;
            if (pad == 0 || pad > payloadLen) return RtpParseResult.Invalid.BAD_PADDING;
            payloadLen -= pad;
        }
        return new RtpPacket(buf, off, len, padding, extension, cc, (b1 & 0x80) != 0, pt,
            int16(buf, off + 2), int32(buf, off + 4), int32(buf, off + 8), off + header, payloadLen);
    }

    static int int16(byte[] b, int i) { return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF); }

    static int int32(byte[] b, int i) {
        return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }

    static void put16(byte[] b, int i, int v) {
        b[i] = (byte) (v >> 8);
        b[i + 1] = (byte) v;
    }

    static void put32(byte[] b, int i, int v) {
        b[i] = (byte) (v >> 24);
        b[i + 1] = (byte) (v >> 16);
        b[i + 2] = (byte) (v >> 8);
        b[i + 3] = (byte) v;
    }
}
