package org.switchboard.bench.jingleload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The load peer's tone: its frames decode to the tone, and the check tells another tone apart. */
class OpusToneTest {
    private static List<byte[]> frames(OpusTone t, int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(t.frame(i));
        return out;
    }

    @Test
    void theReplayedFramesAreTheToneAcrossTheLoop() {
        OpusTone t = new OpusTone(440);
        OpusTone.Check c = t.check(frames(t, 150)); // three passes over the 50 frames: the seam is inside
        assertThat(c.ms()).isEqualTo(3000);
        assertThat(c.strongestHz()).isEqualTo(440.0);
        assertThat(c.toneSurvived(440)).isTrue();
    }

    @Test
    void anotherToneFailsTheCheck() {
        OpusTone t = new OpusTone(440);
        OpusTone.Check c = t.check(frames(new OpusTone(1000), 100));
        assertThat(c.ratio()).isLessThan(0.1);
        assertThat(c.toneSurvived(440)).isFalse();
    }

    @Test
    void nothingReceivedIsNoTone() {
        OpusTone.Check c = new OpusTone(440).check(List.of());
        assertThat(c.toneSurvived(440)).isFalse();
    }
}
