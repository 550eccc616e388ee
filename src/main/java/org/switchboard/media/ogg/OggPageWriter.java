package org.switchboard.media.ogg;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Writes the pages of one logical Ogg stream (RFC 3533 §6). Each page is written whole:
 * the 27-byte header, the segment table (a packet is laced as 255-byte segments ended by one
 * shorter, possibly empty, segment) and the packet data, with the page CRC filled in. Packets
 * must fit one page (at most 255 segments, about 64 KB): more than any Opus packet.
 */
public final class OggPageWriter {
    /** RFC 3533 §6: at most 255 lacing values per page. */
    public static final int MAX_SEGMENTS = 255;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int serial;
    private int sequence;

    public OggPageWriter(int serial) { this.serial = serial; }

    /** Lacing values a packet of {@code len} bytes takes. */
    public static int segments(int len) { return len / 255 + 1; }

    /**
     * Writes one page holding these packets, complete, ending at {@code granule}.
     *
     * @param flags {@link OggPage#BOS} on the first page, {@link OggPage#EOS} on the last
     */
    public void page(List<byte[]> packets, long granule, int flags) {
        int segs = 0, body = 0;
        for (byte[] p : packets) {
            segs += segments(p.length);
            body += p.length;
        }
        if (segs > MAX_SEGMENTS) throw new IllegalArgumentException(segs + " segments do not fit one Ogg page");
        ByteBuffer b = ByteBuffer.allocate(27 + segs + body).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'O', 'g', 'g', 'S'}).put((byte) 0).put((byte) flags).putLong(granule).putInt(serial)
                .putInt(sequence++).putInt(0).put((byte) segs);
        for (byte[] p : packets) {
            for (int left = p.length; ; left -= 255) {
                b.put((byte) Math.min(left, 255));
                if (left < 255) break;
            }
        }
        for (byte[] p : packets) b.put(p);
        byte[] page = b.array();
        int crc = OggCrc.of(page, 0, page.length);
        ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN).putInt(22, crc);
        out.writeBytes(page);
    }

    /** Everything written so far. */
    public byte[] bytes() { return out.toByteArray(); }
}
