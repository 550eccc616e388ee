package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Tells apart what arrives on one media flow by its first bytes, for transports: STUN (ICE
 * checks) and RTCP multiplexed with RTP. Reads in place; no allocation.
 */
public final class RtpDemux {
    private static final int STUN_MAGIC_COOKIE = 0x2112A442;

    private RtpDemux() {}

    /** RFC 8489 §5 (RFC 7983 §7: first byte 0-3): two zero bits, then the magic cookie at offset 4. */
    public static boolean isStun(ByteBuf b) {
        int at = b.readerIndex();
        return b.readableBytes() >= 20 && (b.getByte(at) & 0xC0) == 0 && b.getInt(at + 4) == STUN_MAGIC_COOKIE;
    }

    /** RFC 5761 §4: under rtcp-mux, a second octet of 192-223 is an RTCP packet type, not marker + payload type. */
    public static boolean isRtcp(ByteBuf b) {
        if (b.readableBytes() < 2) return false;
        int second = b.getUnsignedByte(b.readerIndex() + 1);
        return second >= 192 && second <= 223;
    }
}
