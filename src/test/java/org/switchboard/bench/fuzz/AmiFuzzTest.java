package org.switchboard.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A short seeded pass of {@link AmiFuzz}: the PBX survives it, answers a fresh client, and stays bounded. */
class AmiFuzzTest {
    @Test
    void threeThousandHostileInputsLeaveTheManagerAliveAndBounded() throws Exception {
        AmiFuzz.Result r = AmiFuzz.run(3_000, 20240609L);
        System.out.println(r.summary());
        assertThat(r.crashes()).as("exceptions logged or uncaught").isEmpty();
        assertThat(r.framingViolations()).as("lines other clients received").isEmpty();
        assertThat(r.livenessChecks()).isGreaterThanOrEqualTo(3);
        assertThat(r.livenessFailures()).as("fresh login + Ping answered").isZero();
        assertThat(r.stuckWrites()).isZero();
        assertThat(r.maxQueuedBytes()).isLessThanOrEqualTo(r.queueLimit() + AmiFuzz.Result.QUEUE_SLACK);
        assertThat(r.sessionsLeft()).isZero();
        // what the run left behind; RSS also holds the heap the collector grew into, so its bound is loose
        assertThat(r.heapAfterGcKb()).as("heap in use after a GC, KB").isLessThan(256 * 1024);
        assertThat(r.rssAfterKb()).as("RSS, KB").isLessThan(r.rssBeforeKb() + 1024 * 1024);
        assertThat(r.ok()).isTrue();
    }
}
