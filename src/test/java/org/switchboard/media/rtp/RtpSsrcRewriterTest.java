package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpSsrcRewriterTest {
    final SsrcRewriter rw = new SsrcRewriter(0x5B5B5B5B, 8000, 1000, 50000);

    @Test
    void keepsOurStreamContinuousAcrossSourceChanges() {
        RtpPacket a = pass(7, 65535, 999_000, 0);
        assertThat(a.ssrc()).isEqualTo(0x5B5B5B5B);
        assertThat(a.sequence()).isEqualTo(1000);
        assertThat(a.timestamp()).isEqualTo(50000);
        assertThat(a.marker()).isTrue();
        RtpPacket b = pass(7, 0, 999_160, 20);
        assertThat(b.sequence()).isEqualTo(1001);
        assertThat(b.timestamp()).isEqualTo(50160);
        assertThat(b.marker()).isFalse();
        // A transfer: another source, unrelated numbers, 20 ms later.
        RtpPacket c = pass(9, 123, 5, 40);
        assertThat(c.ssrc()).isEqualTo(0x5B5B5B5B);
        assertThat(c.sequence()).isEqualTo(1002);
        assertThat(c.timestamp()).isEqualTo(50320);
        assertThat(c.marker()).isTrue();
        RtpPacket d = pass(9, 124, 165, 60);
        assertThat(d.sequence()).isEqualTo(1003);
        assertThat(d.timestamp()).isEqualTo(50480);
    }

    @Test
    void gapsWithinASourcePassThroughAndSourceUpdateIsHonoured() {
        pass(1, 10, 0, 0);
        RtpPacket gap = pass(1, 13, 480, 60);
        assertThat(gap.sequence()).isEqualTo(1003);
        rw.sourceChanged();
        RtpPacket same = pass(1, 500, 99999, 80);
        assertThat(same.sequence()).isEqualTo(1004);
        assertThat(same.timestamp()).isEqualTo(50000 + 480 + 160);
        assertThat(same.marker()).isTrue();
    }

    private RtpPacket pass(int ssrc, int seq, int ts, long now) {
        byte[] b = new byte[12 + 160];
        RtpWriter.write(b, 0, false, 0, seq, ts, ssrc, new byte[160], 0, 160);
        rw.rewrite(b, 0, now);
        return (RtpPacket) RtpParser.parse(b);
    }
}
