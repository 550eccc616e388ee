package org.switchboard.media.rtp;

/**
 * Writes RTP packets (RFC 3550 §5.1) into a caller's buffer, and rewrites header fields in
 * place for packets relayed across a bridge. Never allocates.
 */
public final class RtpWriter {
    public static final int HEADER = 12;
    private static final int[] NO_CSRC = new int[0];

    private RtpWriter() {}

    /** Writes a packet with no CSRC, extension or padding; returns its length, or -1 if it does not fit. */
    public static int write(byte[] buf, int off, boolean marker, int payloadType, int sequence, int timestamp,
                            int ssrc, byte[] payload, int payloadOff, int payloadLen) {
        return write(buf, off, marker, payloadType, sequence, timestamp, ssrc, NO_CSRC, payload, payloadOff, payloadLen);
    }

    /** Writes a packet with the given CSRC list (at most 15); returns its length, or -1 if it does not fit. */
    public static int write(byte[] buf, int off, boolean marker, int payloadType, int sequence, int timestamp,
                            int ssrc, int[] csrcs, byte[] payload, int payloadOff, int payloadLen) {
        if (csrcs.length > 15) throw new IllegalArgumentException("at most 15 CSRCs, got " + csrcs.length);
        if (payloadType < 0 || payloadType > 127) throw new IllegalArgumentException("payload type " + payloadType);
        int total = HEADER + 4 * csrcs.length + payloadLen;
        if (off < 0 || off + total > buf.length) return -1;
        writeHeader(buf, off, marker, payloadType, sequence, timestamp, ssrc);
        buf[off] |= (byte) csrcs.length;
        for (int i = 0; i < csrcs.length; i++) RtpParser.put32(buf, off + HEADER + 4 * i, csrcs[i]);
        System.arraycopy(payload, payloadOff, buf, off + HEADER + 4 * csrcs.length, payloadLen);
        return total;
    }

    /** Writes the 12-byte fixed header only (the payload follows at {@code off + 12}). */
    public static void writeHeader(byte[] buf, int off, boolean marker, int payloadType, int sequence,
                                   int timestamp, int ssrc) {
        buf[off] = (byte) 0x80; // V=2, P=0, X=0, CC=0
        buf[off + 1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        RtpParser.put16(buf, off + 2, sequence);
        RtpParser.put32(buf, off + 4, timestamp);
        RtpParser.put32(buf, off + 8, ssrc);
    }

    /** Rewrites sequence, timestamp and SSRC of a packet in place. */
    public static void rewrite(byte[] buf, int off, int sequence, int timestamp, int ssrc) {
        RtpParser.put16(buf, off + 2, sequence);
        RtpParser.put32(buf, off + 4, timestamp);
        RtpParser.put32(buf, off + 8, ssrc);
    }

    public static void setMarker(byte[] buf, int off, boolean marker) {
        buf[off + 1] = (byte) (marker ? buf[off + 1] | 0x80 : buf[off + 1] & 0x7F);
    }

    public static void setPayloadType(byte[] buf, int off, int payloadType) {
        buf[off + 1] = (byte) ((buf[off + 1] & 0x80) | (payloadType & 0x7F));
    }
}
