package org.switchboard.channels.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SipTimersTest {

    @Test void manualTimersRunInTimeOrderOnlyWhenAdvanced() {
        ManualSipTimers t = new ManualSipTimers();
        List<String> ran = new ArrayList<>();
        t.schedule(300, () -> ran.add("c"));
        t.schedule(100, () -> ran.add("a"));
        t.schedule(200, () -> ran.add("b"));
        assertThat(ran).isEmpty();
        t.advance(250);
        assertThat(ran).containsExactly("a", "b");
        assertThat(t.now()).isEqualTo(250);
        t.advance(50);
        assertThat(ran).containsExactly("a", "b", "c");
    }

    @Test void cancelledTimerNeverRuns() {
        ManualSipTimers t = new ManualSipTimers();
        List<String> ran = new ArrayList<>();
        SipTimers.Handle h = t.schedule(100, () -> ran.add("x"));
        h.cancel();
        assertThat(t.pending()).isZero();
        t.advance(1000);
        assertThat(ran).isEmpty();
    }

    @Test void timersScheduledByTimersRunWithinTheSameAdvance() {
        ManualSipTimers t = new ManualSipTimers();
        List<Long> at = new ArrayList<>();
        Runnable[] again = new Runnable[1];
        again[0] = () -> {
            at.add(t.now());
            if (at.size() < 3) t.schedule(100, again[0]);
        };
        t.schedule(100, again[0]);
        t.advance(1000);
        assertThat(at).containsExactly(100L, 200L, 300L);
    }

    @Test void scheduledTimersRunOnTheirThread() throws InterruptedException {
        try (ScheduledSipTimers t = new ScheduledSipTimers()) {
            CountDownLatch done = new CountDownLatch(1);
            t.schedule(1, () -> { throw new IllegalStateException("a broken timer"); });
            t.schedule(5, done::countDown);
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Timers J and L: same delay, so a queue; order kept, a cancelled one skipped, re-armed after draining. */
    @Test void inOrderTimersRunInTheOrderSetSkipCancelledOnesAndRearm() throws InterruptedException {
        try (ScheduledSipTimers t = new ScheduledSipTimers()) {
            List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch first = new CountDownLatch(1);
            long start = System.nanoTime();
            t.scheduleInOrder(40, () -> ran.add("a"));
            SipTimers.Handle b = t.scheduleInOrder(40, () -> ran.add("b"));
            t.scheduleInOrder(40, () -> { throw new IllegalStateException("a broken timer"); });
            t.scheduleInOrder(40, () -> { ran.add("c"); first.countDown(); });
            b.cancel();
            assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("not before the delay").isGreaterThanOrEqualTo(40);
            assertThat(ran).containsExactly("a", "c");
            CountDownLatch second = new CountDownLatch(1);
            t.scheduleInOrder(40, () -> { ran.add("d"); second.countDown(); }); // the queue drained: armed again
            assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).containsExactly("a", "c", "d");
        }
    }
}
