package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpPacketTest {
    @Test
    void writeThenParseRoundTrips() {
        byte[] payload = {1, 2, 3, 4, 5};
        byte[] buf = new byte[100];
        int n = RtpWriter.write(buf, 10, true, 0, 65535, 0xF0000001, 0xCAFEBABE, new int[] {7, 8}, payload, 0, 5);
        assertThat(n).isEqualTo(12 + 8 + 5);
        RtpPacket p = (RtpPacket) RtpParser.parse(buf, 10, n);
        assertThat(p.version()).isEqualTo(2);
        assertThat(p.marker()).isTrue();
        assertThat(p.payloadType()).isZero();
        assertThat(p.sequence()).isEqualTo(65535);
        assertThat(p.timestampUnsigned()).isEqualTo(0xF0000001L);
        assertThat(p.ssrcUnsigned()).isEqualTo(0xCAFEBABEL);
        assertThat(p.csrcCount()).isEqualTo(2);
        assertThat(p.csrc(0)).isEqualTo(7);
        assertThat(p.csrc(1)).isEqualTo(8);
        assertThat(p.payload()).containsExactly(payload);
        assertThat(p.payloadOffset()).isEqualTo(10 + 20);
        assertThat(p.headerLength()).isEqualTo(20);
    }

    @Test
    void parsesExtensionAndPadding() {
        // V=2 P=1 X=1 CC=0, PT 8, one-word extension 0xBEDE, 2 payload bytes, 2 padding bytes.
        byte[] b = {(byte) 0xB0, 8, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3,
            (byte) 0xBE, (byte) 0xDE, 0, 1, 9, 9, 9, 9,
            42, 43, 0, 2};
        RtpPacket p = (RtpPacket) RtpParser.parse(b, 0, b.length);
        assertThat(p.extension()).isTrue();
        assertThat(p.extensionProfile()).isEqualTo(0xBEDE);
        assertThat(p.padding()).isTrue();
        assertThat(p.payload()).containsExactly(42, 43);
    }

    @Test
    void malformedPacketsAreValuesNotExceptions() {
        byte[] ok = new byte[20];
        RtpWriter.write(ok, 0, false, 0, 1, 1, 1, new byte[8], 0, 8);
        assertThat(RtpParser.parse(ok, 0, 11)).isEqualTo(RtpParseResult.Invalid.TOO_SHORT);
        assertThat(RtpParser.parse(ok, 15, 10)).isEqualTo(RtpParseResult.Invalid.TOO_SHORT);

        byte[] v1 = ok.clone();
        v1[0] = 0x40;
        assertThat(RtpParser.parse(v1)).isEqualTo(RtpParseResult.Invalid.BAD_VERSION);

        byte[] cc = ok.clone();
        cc[0] = (byte) 0x8F; // 15 CSRCs need 72 bytes
        assertThat(RtpParser.parse(cc)).isEqualTo(RtpParseResult.Invalid.BAD_CSRC);

        byte[] pad = ok.clone();
        pad[0] = (byte) 0xA0;
        pad[19] = 9; // 9 padding bytes, only 8 after the header
        assertThat(RtpParser.parse(pad)).isEqualTo(RtpParseResult.Invalid.BAD_PADDING);
        pad[19] = 0;
        assertThat(RtpParser.parse(pad)).isEqualTo(RtpParseResult.Invalid.BAD_PADDING);
        pad[19] = 8; // exactly the whole payload: an empty payload is fine
        assertThat(((RtpPacket) RtpParser.parse(pad)).payloadLength()).isZero();

        byte[] ext = ok.clone();
        ext[0] = (byte) 0x90;
        ext[14] = 0;
        ext[15] = 5; // five words of extension, one available
        assertThat(RtpParser.parse(ext)).isEqualTo(RtpParseResult.Invalid.BAD_EXTENSION);

        byte[] rtcp = ok.clone();
        rtcp[1] = (byte) 200; // SR through rtcp-mux: marker set, "payload type" 72
        assertThat(RtpParser.parse(rtcp)).isEqualTo(RtpParseResult.Invalid.RTCP);
        assertThat(RtpParser.parse(rtcp).ok()).isFalse();
    }

    @Test
    void randomBytesNeverThrow() {
        java.util.Random r = new java.util.Random(4733);
        int valid = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] b = new byte[r.nextInt(80)];
            r.nextBytes(b);
            if (r.nextBoolean() && b.length > 0) b[0] = (byte) (0x80 | (b[0] & 0x3F)); // version 2 half the time
            RtpParseResult res = RtpParser.parse(b, 0, b.length);
            if (res instanceof RtpPacket p) {
                valid++;
                assertThat(p.payloadOffset() + p.payloadLength()).isLessThanOrEqualTo(b.length);
                assertThat(p.payloadLength()).isNotNegative();
            }
        }
        assertThat(valid).isPositive();
    }

    @Test
    void rewritesInPlace() {
        byte[] b = new byte[172];
        int n = RtpWriter.write(b, 0, false, 0, 100, 1000, 5, new byte[160], 0, 160);
        RtpWriter.rewrite(b, 0, 7, 8, 9);
        RtpWriter.setMarker(b, 0, true);
        RtpWriter.setPayloadType(b, 0, 101);
        RtpPacket p = (RtpPacket) RtpParser.parse(b, 0, n);
        assertThat(p.sequence()).isEqualTo(7);
        assertThat(p.timestamp()).isEqualTo(8);
        assertThat(p.ssrc()).isEqualTo(9);
        assertThat(p.marker()).isTrue();
        assertThat(p.payloadType()).isEqualTo(101);
        assertThat(RtpWriter.write(new byte[20], 0, false, 0, 0, 0, 0, new byte[160], 0, 160)).isEqualTo(-1);
    }
}
