package org.switchboard.media.ogg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the pages of an Ogg stream (RFC 3533 §6) from bytes, checking the capture pattern,
 * version and CRC of each, and joins packets laced across pages. Bad input is a value: the
 * result says what was wrong and where, never an exception.
 */
public final class OggPageReader {
    /** The pages read and, when reading stopped early, why. */
    public record Result(List<OggPage> pages, String problem) {
        public boolean ok() { return problem == null; }

        /** Every complete packet, in order, joined across pages. */
        public List<byte[]> packets() {
            List<byte[]> out = new ArrayList<>();
            byte[] partial = null;
            for (OggPage p : pages) {
                for (int i = 0; i < p.packets().size(); i++) {
                    byte[] data = p.packets().get(i);
                    if (i == 0 && p.continued() && partial != null) {
                        byte[] joined = Arrays.copyOf(partial, partial.length + data.length);
                        System.arraycopy(data, 0, joined, partial.length, data.length);
                        data = joined;
                    }
                    partial = null;
                    if (i == p.packets().size() - 1 && !p.lastComplete()) partial = data;
                    else out.add(data);
                }
            }
            return out;
        }
    }

    private OggPageReader() {}

    public static Result read(byte[] in) {
        List<OggPage> pages = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 0;
        while (pos < in.length) {
            if (in.length - pos >= 4 && b.getInt(pos) != 0x5367674f) return new Result(pages, "no OggS capture pattern at byte " + pos);
            if (in.length - pos < 27) return new Result(pages, "truncated page header at byte " + pos);
            if (in[pos + 4] != 0) return new Result(pages, "Ogg version " + in[pos + 4] + " at byte " + pos);
            int flags = in[pos + 5] & 0xff;
            long granule = b.getLong(pos + 6);
            int serial = b.getInt(pos + 14), seq = b.getInt(pos + 18), crc = b.getInt(pos + 22);
            int segs = in[pos + 26] & 0xff;
            if (in.length - pos < 27 + segs) return new Result(pages, "truncated segment table at byte " + pos);
            int body = 0;
            for (int i = 0; i < segs; i++) body += in[pos + 27 + i] & 0xff;
            int end = pos + 27 + segs + body;
            if (end > in.length) return new Result(pages, "truncated page body at byte " + pos);
            byte[] page = Arrays.copyOfRange(in, pos, end);
            ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN).putInt(22, 0);
            if (OggCrc.of(page, 0, page.length) != crc) return new Result(pages, "bad CRC on page " + seq + " at byte " + pos);
            List<byte[]> packets = new ArrayList<>();
            int data = pos + 27 + segs, start = data, len = 0;
            boolean lastComplete = true;
            for (int i = 0; i < segs; i++) {
                int lace = in[pos + 27 + i] & 0xff;
                len += lace;
                if (lace < 255) {
                    packets.add(Arrays.copyOfRange(in, start, start + len));
                    start += len;
                    len = 0;
                    lastComplete = true;
                } else {
                    lastComplete = false;
                }
            }
            if (!lastComplete) packets.add(Arrays.copyOfRange(in, start, start + len));
            pages.add(new OggPage(flags, granule, serial, seq, packets, (flags & OggPage.CONTINUED) != 0, lastComplete));
            pos = end;
        }
        return new Result(pages, pages.isEmpty() ? "no Ogg pages" : null);
    }
}
