package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Strand;

/** A strand's overload alert: on at its high water, off only back under its low water (Asterisk's taskprocessor alert). */
class SipStrandsTest {
    @Test
    void theAlertRisesAtHighWaterAndClearsOnlyUnderLowWater() {
        ArrayDeque<Runnable> thread = new ArrayDeque<>(); // the strand's thread, run by hand
        SipStrands strands = new SipStrands(new Strand[] {new Strand("s", "test", thread::add)}, () -> 0L);
        List<Integer> overloadedWhileWaiting = new ArrayList<>();
        for (int i = 0; i < SipStrands.HIGH_WATER - 1; i++) {
            strands.execute("call-" + i, () -> {
                if (strands.overloaded("x")) overloadedWhileWaiting.add(strands.queued());
            });
        }
        assertThat(strands.overloaded("x")).as("one under high water").isFalse();
        strands.execute("call-last", () -> { });
        assertThat(strands.queued()).isEqualTo(SipStrands.HIGH_WATER);
        assertThat(strands.overloaded("x")).isTrue();

        thread.poll().run(); // the strand drains its queue; each task sees how many still wait behind it
        assertThat(overloadedWhileWaiting).as("still overloaded while more than the low water wait")
            .hasSize(SipStrands.HIGH_WATER - SipStrands.LOW_WATER - 1)
            .allMatch(n -> n > SipStrands.LOW_WATER);
        assertThat(strands.queued()).isZero();
        assertThat(strands.overloaded("x")).isFalse();
    }

    /** Messages that waited longer than a strand should let them (well before a peer's T1 retransmission) raise the alert too. */
    @Test
    void aLongWaitRaisesTheAlertUntilTheQueueIsEmpty() {
        ArrayDeque<Runnable> thread = new ArrayDeque<>();
        long[] now = {0};
        SipStrands strands = new SipStrands(new Strand[] {new Strand("s", "test", thread::add)}, () -> now[0]);
        List<Boolean> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) strands.execute("call-" + i, () -> seen.add(strands.overloaded("x")));
        assertThat(strands.overloaded("x")).as("nothing has waited yet").isFalse();
        now[0] += (SipStrands.HIGH_LAG_MILLIS + 1) * 1_000_000;
        thread.poll().run();
        assertThat(seen).containsExactly(true, true, false); // the last one sees an empty queue
        assertThat(strands.overloaded("x")).isFalse();
    }
}
