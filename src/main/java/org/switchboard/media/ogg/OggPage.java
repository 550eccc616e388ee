package org.switchboard.media.ogg;

import java.util.List;

/**
 * One Ogg page (RFC 3533 §6) as a record: its header flags, granule position, stream serial,
 * sequence number and the packets it carries. {@code continued} says the first packet began on
 * an earlier page; {@code lastComplete} is false when the last packet goes on on the next page.
 */
public record OggPage(int flags, long granule, int serial, int sequence, List<byte[]> packets,
                      boolean continued, boolean lastComplete) {
    /** Header type flags (RFC 3533 §6, header_type_flag). */
    public static final int CONTINUED = 0x01;
    public static final int BOS = 0x02;
    public static final int EOS = 0x04;

    public boolean bos() { return (flags & BOS) != 0; }
    public boolean eos() { return (flags & EOS) != 0; }
}
