package org.switchboard.channels.skype;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many calls one sender may start: a token bucket per bare JID (a burst of {@link #BURST},
 * then one every {@link #REFILL_MS}), so a flood of proposals costs a few refusals and one log
 * line, never a channel each. Senders idle for a minute are forgotten.
 */
final class SkypeCallRate {
    static final int BURST = 4;
    static final long REFILL_MS = 500;

    private record Bucket(double tokens, long at) {}

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    boolean tryAcquire(String sender) {
        long now = System.currentTimeMillis();
        boolean[] ok = {false};
        buckets.compute(sender, (k, b) -> {
            double t = b == null ? BURST : Math.min(BURST, b.tokens() + (now - b.at()) / (double) REFILL_MS);
            ok[0] = t >= 1;
            return new Bucket(ok[0] ? t - 1 : t, now);
        });
        if (buckets.size() > 10_000) buckets.values().removeIf(b -> now - b.at() > 60_000);
        return ok[0];
    }
}
