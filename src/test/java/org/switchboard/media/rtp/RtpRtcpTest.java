package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.media.rtp.RtcpPacket.Bye;
import org.switchboard.media.rtp.RtcpPacket.ReceiverReport;
import org.switchboard.media.rtp.RtcpPacket.ReportBlock;
import org.switchboard.media.rtp.RtcpPacket.SdesChunk;
import org.switchboard.media.rtp.RtcpPacket.SdesItem;
import org.switchboard.media.rtp.RtcpPacket.SenderReport;
import org.switchboard.media.rtp.RtcpPacket.SourceDescription;

/** RTCP (RFC 3550 §6): one write-then-parse round trip per packet type, and malformed input. */
class RtpRtcpTest {
    static final ReportBlock BLOCK = new ReportBlock(0x11223344, 25, -3, 0x0001FFFF, 80, 0xAABBCCDD, 65536);

    @Test
    void senderReportAndSdesRoundTripAsACompound() {
        SenderReport sr = new SenderReport(0xDEADBEEF, 0xE8C1A2B3_12345678L, 160000, 1000, 160000, List.of(BLOCK));
        SourceDescription sdes = new SourceDescription(List.of(new SdesChunk(0xDEADBEEF,
            List.of(new SdesItem(SdesItem.CNAME, "switchboard@pbx"), new SdesItem(SdesItem.TOOL, "Switchboard")))));
        byte[] buf = new byte[512];
        int n = RtcpWriter.writeCompound(List.of(sr, sdes), buf, 0);
        assertThat(n % 4).isZero();
        RtcpParser.Result r = RtcpParser.parse(buf, 0, n);
        assertThat(r).isInstanceOf(RtcpParser.Compound.class);
        List<RtcpPacket> packets = ((RtcpParser.Compound) r).packets();
        assertThat(packets).containsExactly(sr, sdes);
        assertThat(sr.compactNtp()).isEqualTo(0xA2B31234);
    }

    @Test
    void receiverReportAndByeRoundTrip() {
        ReceiverReport rr = new ReceiverReport(5, List.of(BLOCK, new ReportBlock(6, 0, 0x7FFFFF, 1, 2, 3, 4)));
        Bye bye = new Bye(List.of(5, 6), "hangup");
        Bye silent = new Bye(List.of(7), "");
        for (RtcpPacket p : List.of(rr, bye, silent, new ReceiverReport(9, List.of()))) {
            byte[] buf = new byte[RtcpWriter.size(p)];
            assertThat(RtcpWriter.write(p, buf, 0)).isEqualTo(buf.length);
            assertThat(((RtcpParser.Compound) RtcpParser.parse(buf, 0, buf.length)).packets()).containsExactly(p);
        }
        assertThat(RtcpWriter.write(rr, new byte[10], 0)).isEqualTo(-1);
    }

    @Test
    void sdesChunksOfEveryPaddingLength() {
        for (int len = 0; len < 8; len++) {
            SourceDescription s = new SourceDescription(List.of(new SdesChunk(1, List.of(new SdesItem(1, "x".repeat(len)))),
                new SdesChunk(2, List.of())));
            byte[] buf = new byte[64];
            int n = RtcpWriter.write(s, buf, 0);
            assertThat(((RtcpParser.Compound) RtcpParser.parse(buf, 0, n)).packets()).as("len %d", len).containsExactly(s);
        }
    }

    @Test
    void unknownTypesAreKept() {
        byte[] app = {(byte) 0x81, (byte) 204, 0, 2, 0, 0, 0, 1, 'n', 'a', 'm', 'e'};
        RtcpPacket p = ((RtcpParser.Compound) RtcpParser.parse(app, 0, app.length)).packets().get(0);
        assertThat(p).isInstanceOf(RtcpPacket.Other.class);
        assertThat(((RtcpPacket.Other) p).packetType()).isEqualTo(204);
    }

    @Test
    void randomBytesNeverThrow() {
        java.util.Random r = new java.util.Random(3550);
        for (int i = 0; i < 100_000; i++) {
            byte[] b = new byte[4 * r.nextInt(20)];
            r.nextBytes(b);
            for (int p = 0; p + 4 <= b.length; p += 4 * (1 + r.nextInt(3))) {
                b[p] = (byte) (0x80 | (b[p] & 0x1F));
                b[p + 1] = (byte) (200 + r.nextInt(5));
                b[p + 2] = 0;
                b[p + 3] = (byte) r.nextInt(4);
            }
            assertThat(RtcpParser.parse(b, 0, b.length)).isNotNull();
        }
    }

    @Test
    void malformedCompoundsAreRejectedWithAReason() {
        byte[] buf = new byte[64];
        int n = RtcpWriter.write(new ReceiverReport(1, List.of(BLOCK)), buf, 0);
        assertThat(invalid(buf, 3)).contains("shorter");
        assertThat(invalid(buf, n - 4)).contains("runs past");
        assertThat(invalid(buf, n + 2)).contains("trailing");
        byte[] v = buf.clone();
        v[0] = 0x41;
        assertThat(invalid(v, n)).contains("version");
        byte[] rc = buf.clone();
        rc[0] = (byte) 0x82; // two report blocks claimed, one present
        assertThat(invalid(rc, n)).contains("malformed");
        byte[] twice = new byte[128];
        int m = RtcpWriter.writeCompound(List.of(new ReceiverReport(1, List.of()), new ReceiverReport(2, List.of())), twice, 0);
        twice[0] |= 0x20; // padding flag on the first of two
        assertThat(invalid(twice, m)).contains("padding");
        byte[] bye = {(byte) 0x81, (byte) 203, 0, 2, 0, 0, 0, 1, 9, 'a', 'b', 'c'}; // reason says 9 bytes, has 3
        assertThat(invalid(bye, bye.length)).contains("malformed");
    }

    private static String invalid(byte[] b, int len) {
        RtcpParser.Result r = RtcpParser.parse(b, 0, len);
        assertThat(r).isInstanceOf(RtcpParser.Invalid.class);
        return ((RtcpParser.Invalid) r).reason();
    }
}
