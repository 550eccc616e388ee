package org.switchboard.channels.sip;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What chan_sip knows of each peer while running, apart from sip.conf: calls in use (for
 * {@code call-limit}) and the last {@code qualify} result. Survives {@code sip reload}.
 */
public final class SipPeerStates {
    /** A peer's reachability as {@code sip show peers} words it. */
    public record Qualify(String status, long latencyMs) {
        public static final Qualify UNKNOWN = new Qualify("UNKNOWN", -1);
        public String describe() {
            return latencyMs >= 0 && !status.equals("UNREACHABLE") ? status + " (" + latencyMs + " ms)" : status;
        }
    }

    private final ConcurrentHashMap<String, AtomicInteger> inUse = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Qualify> qualify = new ConcurrentHashMap<>();

    private static String k(String peer) { return peer.toLowerCase(Locale.ROOT); }

    /** Takes one call slot; false when {@code limit} (0 = none) is reached. */
    public boolean acquire(String peer, int limit) {
        AtomicInteger n = inUse.computeIfAbsent(k(peer), x -> new AtomicInteger());
        for (;;) {
            int cur = n.get();
            if (limit > 0 && cur >= limit) return false;
            if (n.compareAndSet(cur, cur + 1)) return true;
        }
    }

    public void release(String peer) {
        AtomicInteger n = inUse.get(k(peer));
        if (n != null) n.updateAndGet(v -> Math.max(0, v - 1));
    }

    public int inUse(String peer) {
        AtomicInteger n = inUse.get(k(peer));
        return n == null ? 0 : n.get();
    }

    public Qualify qualify(String peer) { return qualify.getOrDefault(k(peer), Qualify.UNKNOWN); }

    public void setQualify(String peer, Qualify q) { qualify.put(k(peer), q); }
}
