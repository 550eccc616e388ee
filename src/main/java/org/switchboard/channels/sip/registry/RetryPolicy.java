package org.switchboard.channels.sip.registry;

import java.time.Duration;

/**
 * chan_sip's [general] {@code registertimeout} (wait before retrying a registration that timed out
 * or failed; 20 s by default) and {@code registerattempts} (how many attempts before giving up with
 * state Failed; 0, the default, retries forever).
 */
public record RetryPolicy(Duration registerTimeout, int registerAttempts) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(20), 0);

    public RetryPolicy {
        if (registerTimeout == null || registerTimeout.isNegative() || registerTimeout.isZero()) {
            throw new IllegalArgumentException("registertimeout must be above 0");
        }
        if (registerAttempts < 0) throw new IllegalArgumentException("registerattempts must be 0 or more");
    }

    /** Whether {@code attempts} made so far use up the allowance. */
    public boolean exhausted(int attempts) { return registerAttempts > 0 && attempts >= registerAttempts; }
}
