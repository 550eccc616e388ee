package org.switchboard.channels.sip.registry;

import java.time.Duration;

/**
 * When a failed registration is tried again. chan_sip's [general] {@code registertimeout} (wait
 * before retrying a registration that timed out or failed; 20 s by default) and
 * {@code registerattempts} (how many attempts before giving up with state Failed; 0, the default,
 * retries forever); pjsip.conf's {@code retry_interval} and {@code max_retries} map onto the same
 * two. {@code forbiddenRetry} is pjsip.conf's {@code forbidden_retry_interval}: a 403 is tried
 * again after it; null (chan_sip, and res_pjsip's default 0) makes a 403 final until a reload.
 */
public record RetryPolicy(Duration registerTimeout, int registerAttempts, Duration forbiddenRetry) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(20), 0);

    public RetryPolicy {
        if (registerTimeout == null || registerTimeout.isNegative() || registerTimeout.isZero()) {
            throw new IllegalArgumentException("registertimeout must be above 0");
        }
        if (registerAttempts < 0) throw new IllegalArgumentException("registerattempts must be 0 or more");
        if (forbiddenRetry != null && (forbiddenRetry.isNegative() || forbiddenRetry.isZero())) forbiddenRetry = null;
    }

    /** chan_sip's: a 403 is final. */
    public RetryPolicy(Duration registerTimeout, int registerAttempts) { this(registerTimeout, registerAttempts, null); }

    /** Whether {@code attempts} made so far use up the allowance. */
    public boolean exhausted(int attempts) { return registerAttempts > 0 && attempts >= registerAttempts; }
}
