package org.switchboard.media.rtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Parses compound RTCP packets (RFC 3550 §6.1, validity checks of Appendix A.2) into records. */
public final class RtcpParser {
    private RtcpParser() {}

    /** The packets of one compound datagram, or why it was rejected. */
    public sealed interface Result {}
    public record Compound(List<RtcpPacket> packets) implements Result {}
    public record Invalid(String reason) implements Result {}

    public static Result parse(byte[] buf, int off, int len) {
        if (len < 4 || off < 0 || off + len > buf.length) return new Invalid("shorter than an RTCP header");
        List<RtcpPacket> out = new ArrayList<>(3);
        int pos = off, end = off + len;
        while (pos < end) {
            if (end - pos < 4) return new Invalid("trailing " + (end - pos) + " bytes after the last packet");
            int b0 = buf[pos] & 0xFF;
            if ((b0 >> 6) != 2) return new Invalid("version is not 2");
            int count = b0 & 0x1F;
            int pt = buf[pos + 1] & 0xFF;
            int size = 4 * (RtpParser.int16(buf, pos + 2) + 1);  // §6.4.1 length: words minus one
            if (pos + size > end) return new Invalid("packet type " + pt + " length runs past the datagram");
            int bodyEnd = pos + size;
            if ((b0 & 0x20) != 0) {
                // A.2: only the last packet of a compound may be padded.
                if (bodyEnd != end) return new Invalid("padding on a packet that is not last");
                int pad = buf[end - 1] & 0xFF;
                if (pad == 0 || pad > size - 4) return new Invalid("bad padding count " + pad);
                bodyEnd -= pad;
            }
            RtcpPacket p = switch (pt) {
                case RtcpPacket.SR -> senderReport(buf, pos + 4, bodyEnd, count);
                case RtcpPacket.RR -> receiverReport(buf, pos + 4, bodyEnd, count);
                case RtcpPacket.SDES -> sdes(buf, pos + 4, bodyEnd, count);
                case RtcpPacket.BYE -> bye(buf, pos + 4, bodyEnd, count);
                default -> new RtcpPacket.Other(pt, count, java.util.Arrays.copyOfRange(buf, pos + 4, bodyEnd));
            };
            if (p == null) return new Invalid("malformed packet of type " + pt);
            out.add(p);
            pos += size;
        }
        return new Compound(out);
    }

    private static RtcpPacket senderReport(byte[] b, int p, int end, int rc) {
        if (p + 24 + 24 * rc > end) return null;
        long ntp = ((long) RtpParser.int32(b, p + 4) << 32) | (RtpParser.int32(b, p + 8) & 0xFFFFFFFFL);
        return new RtcpPacket.SenderReport(RtpParser.int32(b, p), ntp, RtpParser.int32(b, p + 12),
            RtpParser.int32(b, p + 16), RtpParser.int32(b, p + 20), blocks(b, p + 24, rc));
    }

    private static RtcpPacket receiverReport(byte[] b, int p, int end, int rc) {
        if (p + 4 + 24 * rc > end) return null;
        return new RtcpPacket.ReceiverReport(RtpParser.int32(b, p), blocks(b, p + 4, rc));
    }

    private static List<RtcpPacket.ReportBlock> blocks(byte[] b, int p, int n) {
        List<RtcpPacket.ReportBlock> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++, p += 24) {
            int lost = RtpParser.int32(b, p + 4) << 8 >> 8; // sign-extend 24 bits
            list.add(new RtcpPacket.ReportBlock(RtpParser.int32(b, p), b[p + 4] & 0xFF, lost,
                RtpParser.int32(b, p + 8), RtpParser.int32(b, p + 12), RtpParser.int32(b, p + 16),
                RtpParser.int32(b, p + 20)));
        }
        return list;
    }

    private static RtcpPacket sdes(byte[] b, int p, int end, int sc) {
        int base = p;
        List<RtcpPacket.SdesChunk> chunks = new ArrayList<>(sc);
        for (int c = 0; c < sc; c++) {
            if (p + 4 > end) return null;
            int ssrc = RtpParser.int32(b, p);
            p += 4;
            List<RtcpPacket.SdesItem> items = new ArrayList<>(2);
            while (true) {
                if (p >= end) return null;
                int type = b[p] & 0xFF;
                if (type == 0) { // end of list, then pad to the next 32-bit boundary (§6.5)
                    p++;
                    while (((p - base) & 3) != 0) p++;
                    if (p > end) return null;
                    break;
                }
                if (p + 2 > end || p + 2 + (b[p + 1] & 0xFF) > end) return null;
                int n = b[p + 1] & 0xFF;
                items.add(new RtcpPacket.SdesItem(type, new String(b, p + 2, n, StandardCharsets.UTF_8)));
                p += 2 + n;
            }
            chunks.add(new RtcpPacket.SdesChunk(ssrc, items));
        }
        return new RtcpPacket.SourceDescription(chunks);
    }

    private static RtcpPacket bye(byte[] b, int p, int end, int sc) {
        if (p + 4 * sc > end) return null;
        List<Integer> ssrcs = new ArrayList<>(sc);
        for (int i = 0; i < sc; i++) ssrcs.add(RtpParser.int32(b, p + 4 * i));
        p += 4 * sc;
        String reason = "";
        if (p < end) {
            int n = b[p] & 0xFF;
            if (p + 1 + n > end) return null;
            reason = new String(b, p + 1, n, StandardCharsets.UTF_8);
        }
        return new RtcpPacket.Bye(ssrcs, reason);
    }
}
