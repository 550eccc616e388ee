package org.switchboard.media.rtp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes RTCP packets (RFC 3550 §6.4-6.6) into a caller's buffer, singly or as a compound. */
public final class RtcpWriter {
    private RtcpWriter() {}

    /** Writes the packets back to back (§6.1 compound); returns the total length, -1 if it does not fit. */
    public static int writeCompound(List<? extends RtcpPacket> packets, byte[] buf, int off) {
        int pos = off;
        for (RtcpPacket p : packets) {
            int n = write(p, buf, pos);
            if (n < 0) return -1;
            pos += n;
        }
        return pos - off;
    }

    /** Writes one packet; returns its length (a multiple of 4), or -1 if it does not fit. */
    public static int write(RtcpPacket packet, byte[] buf, int off) {
        int size = size(packet);
        if (off < 0 || off + size > buf.length) return -1;
        java.util.Arrays.fill(buf, off, off + size, (byte) 0);
        int p = off + 4;
        switch (packet) {
            case RtcpPacket.SenderReport sr -> {
                header(buf, off, sr.reports().size(), RtcpPacket.SR, size);
                RtpParser.put32(buf, p, sr.ssrc());
                RtpParser.put32(buf, p + 4, (int) (sr.ntpTimestamp() >>> 32));
                RtpParser.put32(buf, p + 8, (int) sr.ntpTimestamp());
                RtpParser.put32(buf, p + 12, sr.rtpTimestamp());
                RtpParser.put32(buf, p + 16, sr.packetCount());
                RtpParser.put32(buf, p + 20, sr.octetCount());
                blocks(sr.reports(), buf, p + 24);
            }
            case RtcpPacket.ReceiverReport rr -> {
                header(buf, off, rr.reports().size(), RtcpPacket.RR, size);
                RtpParser.put32(buf, p, rr.ssrc());
                blocks(rr.reports(), buf, p + 4);
            }
            case RtcpPacket.SourceDescription sd -> {
                header(buf, off, sd.chunks().size(), RtcpPacket.SDES, size);
                for (RtcpPacket.SdesChunk c : sd.chunks()) {
                    RtpParser.put32(buf, p, c.ssrc());
                    p += 4;
                    for (RtcpPacket.SdesItem item : c.items()) {
                        byte[] v = utf8(item.value(), 255);
                        buf[p] = (byte) item.type();
                        buf[p + 1] = (byte) v.length;
                        System.arraycopy(v, 0, buf, p + 2, v.length);
                        p += 2 + v.length;
                    }
                    p += 4 - ((p - off) & 3); // the null item, then zeros to the boundary (already zero)
                }
            }
            case RtcpPacket.Bye bye -> {
                header(buf, off, bye.ssrcs().size(), RtcpPacket.BYE, size);
                for (int s : bye.ssrcs()) { RtpParser.put32(buf, p, s); p += 4; }
                if (!bye.reason().isEmpty()) {
                    byte[] r = utf8(bye.reason(), 255);
                    buf[p] = (byte) r.length;
                    System.arraycopy(r, 0, buf, p + 1, r.length);
                }
            }
            case RtcpPacket.Other o -> {
                header(buf, off, o.count(), o.packetType(), size);
                System.arraycopy(o.body(), 0, buf, p, o.body().length);
            }
        }
        return size;
    }

    /** Bytes {@link #write} needs for this packet. */
    public static int size(RtcpPacket packet) {
        return switch (packet) {
            case RtcpPacket.SenderReport sr -> 28 + 24 * sr.reports().size();
            case RtcpPacket.ReceiverReport rr -> 8 + 24 * rr.reports().size();
            case RtcpPacket.SourceDescription sd -> {
                int n = 4;
                for (RtcpPacket.SdesChunk c : sd.chunks()) {
                    int chunk = 4;
                    for (RtcpPacket.SdesItem item : c.items()) chunk += 2 + utf8(item.value(), 255).length;
                    n += (chunk + 4) & ~3; // at least one null octet, padded to 32 bits
                }
                yield n;
            }
            case RtcpPacket.Bye bye -> {
                int n = 4 + 4 * bye.ssrcs().size();
                if (!bye.reason().isEmpty()) n += (1 + utf8(bye.reason(), 255).length + 3) & ~3;
                yield n;
            }
            case RtcpPacket.Other o -> 4 + ((o.body().length + 3) & ~3);
        };
    }

    private static void header(byte[] b, int off, int count, int type, int size) {
        if (count > 31) throw new IllegalArgumentException("RTCP count " + count + " exceeds 31");
        b[off] = (byte) (0x80 | count);
        b[off + 1] = (byte) type;
        RtpParser.put16(b, off + 2, size / 4 - 1);
    }

    private static void blocks(List<RtcpPacket.ReportBlock> blocks, byte[] b, int p) {
        for (RtcpPacket.ReportBlock r : blocks) {
            RtpParser.put32(b, p, r.ssrc());
            RtpParser.put32(b, p + 4, (r.fractionLost() << 24) | (r.cumulativeLost() & 0xFFFFFF));
            RtpParser.put32(b, p + 8, r.highestSequence());
            RtpParser.put32(b, p + 12, r.jitter());
            RtpParser.put32(b, p + 16, r.lastSr());
            RtpParser.put32(b, p + 20, r.delaySinceLastSr());
            p += 24;
        }
    }

    private static byte[] utf8(String s, int max) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return b.length <= max ? b : java.util.Arrays.copyOf(b, max);
    }
}
