package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 3550 Appendix A.1 (validation), A.3 (loss) and A.8 (jitter). */
class RtpSequenceTrackerTest {
    @Test
    void probationThenCounting() {
        SequenceTracker t = new SequenceTracker(2);
        assertThat(t.update(100)).isFalse();
        assertThat(t.update(101)).isTrue();
        assertThat(t.update(102)).isTrue();
        assertThat(t.received()).isEqualTo(2);
        assertThat(t.expected()).isEqualTo(2);
    }

    @Test
    void wrapAroundCountsACycle() {
        SequenceTracker t = new SequenceTracker(1);
        for (int s = 65530; s < 65536 + 10; s++) assertThat(t.update(s & 0xFFFF)).isTrue();
        assertThat(t.extendedMax()).isEqualTo(65536 + 9);
        assertThat(t.expected()).isEqualTo(16);
        assertThat(t.cumulativeLost()).isZero();
    }

    @Test
    void lossAndFractionLost() {
        SequenceTracker t = new SequenceTracker(1);
        for (int s = 0; s < 100; s++) if (s % 4 != 3) t.update(s);  // 25 of 100 lost (the last kept is 98)
        assertThat(t.expected()).isEqualTo(99);
        assertThat(t.cumulativeLost()).isEqualTo(24);
        assertThat(t.fractionLostAndReset()).isEqualTo(24 * 256 / 99);
        for (int s = 99; s < 199; s++) t.update(s);
        assertThat(t.fractionLostAndReset()).isZero();
        RtcpPacket.ReportBlock rb = t.report(42, 1, 2);
        assertThat(rb.highestSequence()).isEqualTo(198);
        assertThat(rb.cumulativeLost()).isEqualTo(24);
    }

    @Test
    void reorderedAndDuplicatesAreValidAndLossGoesNegative() {
        SequenceTracker t = new SequenceTracker(1);
        t.update(10);
        t.update(12);
        assertThat(t.update(11)).isTrue();
        assertThat(t.update(11)).isTrue();
        assertThat(t.cumulativeLost()).isEqualTo(-1);
        assertThat(t.extendedMax()).isEqualTo(12);
    }

    @Test
    void aBigJumpNeedsTwoSequentialPacketsToResync() {
        SequenceTracker t = new SequenceTracker(1);
        t.update(1000);
        t.update(1001);
        assertThat(t.update(20000)).isFalse();
        assertThat(t.update(20001)).isTrue();  // confirmed: the source restarted
        assertThat(t.update(20002)).isTrue();
        assertThat(t.expected()).isEqualTo(2);
        assertThat(t.received()).isEqualTo(2);
    }

    @Test
    void jitterFollowsA8() {
        SequenceTracker t = new SequenceTracker(1);
        for (int i = 0; i < 200; i++) t.arrival(i * 160, i * 160 + 1000);
        assertThat(t.jitter()).isZero();
        for (int i = 0; i < 2000; i++) t.arrival(i * 160, i * 160 + (i % 2 == 0 ? 0 : 80));
        assertThat(t.jitter()).isBetween(75, 80); // alternating ±80 converges to 80
    }
}
