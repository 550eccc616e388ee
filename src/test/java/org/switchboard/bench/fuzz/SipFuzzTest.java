package org.switchboard.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A short seeded pass of {@link SipFuzz}: the SIP channel survives it, answers a fresh OPTIONS, replies well-formed, stays bounded. */
class SipFuzzTest {
    @Test
    void threeThousandHostileInputsOverUdpAndTcpLeaveTheStackAnswering() throws Exception {
        SipFuzz.Result r = SipFuzz.run(3_000, 20241207L);
        System.out.println(r.summary());
        assertThat(r.crashes()).as("ERROR lines, exceptions logged above DEBUG, uncaught exceptions").isEmpty();
        assertThat(r.livenessChecks()).isGreaterThanOrEqualTo(60);
        assertThat(r.livenessFailures()).as("fresh OPTIONS answered over UDP and TCP").isZero();
        assertThat(r.replyViolations()).as("replies that are not well-formed SIP").isEmpty();
        assertThat(r.replies()).as("the PBX answered the fuzzer (400s and the rest)").isGreaterThan(500);
        assertThat(r.logLines()).as("log lines: rate-limited per address").isLessThan(r.inputs() / 4);
        assertThat(r.rssAfterKb()).as("RSS, KB").isLessThan(r.rssBeforeKb() + 512 * 1024);
        assertThat(r.ok()).isTrue();
    }
}
