package org.switchboard.media.rtp;

import java.util.List;

/**
 * RTCP packets (RFC 3550 §6.4-6.6) as immutable records. 32-bit SSRCs and counters are held
 * in {@code int} as on the wire (unsigned); the NTP timestamp is the 64-bit fixed-point value.
 */
public sealed interface RtcpPacket {
    int SR = 200, RR = 201, SDES = 202, BYE = 203, APP = 204;

    /** §6.4.1 report block: one per source heard. cumulativeLost is a signed 24-bit count. */
    record ReportBlock(int ssrc, int fractionLost, int cumulativeLost, int highestSequence, int jitter,
                       int lastSr, int delaySinceLastSr) {}

    /** §6.4.1 SR, packet type 200. */
    record SenderReport(int ssrc, long ntpTimestamp, int rtpTimestamp, int packetCount, int octetCount,
                        List<ReportBlock> reports) implements RtcpPacket {
        public SenderReport { reports = List.copyOf(reports); }

        /** The middle 32 bits of the NTP timestamp: what a receiver echoes as LSR (§6.4.1). */
        public int compactNtp() { return (int) (ntpTimestamp >>> 16); }
    }

    /** §6.4.2 RR, packet type 201. */
    record ReceiverReport(int ssrc, List<ReportBlock> reports) implements RtcpPacket {
        public ReceiverReport { reports = List.copyOf(reports); }
    }

    /** §6.5 SDES item: type 1 CNAME, 2 NAME, 3 EMAIL, 4 PHONE, 5 LOC, 6 TOOL, 7 NOTE, 8 PRIV. */
    record SdesItem(int type, String value) {
        public static final int CNAME = 1, NAME = 2, TOOL = 6;
    }

    /** §6.5 one chunk: a source and its items. */
    record SdesChunk(int ssrc, List<SdesItem> items) {
        public SdesChunk { items = List.copyOf(items); }
    }

    /** §6.5 SDES, packet type 202. */
    record SourceDescription(List<SdesChunk> chunks) implements RtcpPacket {
        public SourceDescription { chunks = List.copyOf(chunks); }
    }

    /** §6.6 BYE, packet type 203; reason is empty when none was given. */
    record Bye(List<Integer> ssrcs, String reason) implements RtcpPacket {
        public Bye { ssrcs = List.copyOf(ssrcs); reason = reason == null ? "" : reason; }
    }

    /** Any other type (APP, RTPFB, PSFB, XR, ...): kept as bytes after the 4-byte header. */
    record Other(int packetType, int count, byte[] body) implements RtcpPacket {}
}
