package org.switchboard.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Lets the first few warnings from one peer through in each window and counts the rest, so a
 * flood of malformed input costs a handful of lines per peer per window ("... 1,233 more from
 * 127.0.0.1 in the last 10 s") yet fail2ban still sees every peer that misbehaved.
 */
public final class LogRateLimiter {
    /** Who a line is about: the module that logs it and the peer (address, account) that caused it. */
    public record Key(String source, String peer) {}

    /** A closed window in which lines were suppressed. */
    public record Summary(Key key, int suppressed, long seconds) {
        public String text() {
            return String.format(Locale.ROOT, "... %,d more from %s in the last %d s", suppressed, key.peer(), seconds);
        }
    }

    private static final int MAX_TRACKED = 10_000;

    private final int burst;
    private final long windowMs;
    private final LongSupplier clockMs;
    private final Map<Key, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        final long start;
        final AtomicInteger allowed = new AtomicInteger();
        final AtomicInteger suppressed = new AtomicInteger();
        Window(long start) { this.start = start; }
    }

    public LogRateLimiter(int burst, long windowMs, LongSupplier clockMs) {
        this.burst = burst;
        this.windowMs = windowMs;
        this.clockMs = clockMs;
    }

    /**
     * One attempt to log a line about {@code key}. Returns null to suppress it, else the list of
     * summaries to print before it (the previous window's count, if that window suppressed any).
     */
    public List<Summary> attempt(Key key) {
        long now = clockMs.getAsLong();
        Summary[] closed = new Summary[1];
        Window w = windows.compute(key, (k, cur) -> {
            if (cur != null && now - cur.start < windowMs) return cur;
            if (cur != null) closed[0] = summaryOf(k, cur, now);
            return new Window(now);
        });
        if (windows.size() > MAX_TRACKED) sweep(now);
        if (w.allowed.incrementAndGet() <= burst) return closed[0] == null ? List.of() : List.of(closed[0]);
        w.suppressed.incrementAndGet();
        return null;
    }

    /** Summaries of windows that have closed with something suppressed; forgets every closed window. */
    public List<Summary> drain() {
        long now = clockMs.getAsLong();
        List<Summary> out = new ArrayList<>();
        for (Map.Entry<Key, Window> e : windows.entrySet()) {
            Window w = e.getValue();
            if (now - w.start >= windowMs && windows.remove(e.getKey(), w)) {
                Summary s = summaryOf(e.getKey(), w, now);
                if (s != null) out.add(s);
            }
        }
        return out;
    }

    /** Whether any window is still open (a summary may yet be due). */
    public boolean tracking() { return !windows.isEmpty(); }

    private void sweep(long now) {
        windows.entrySet().removeIf(e -> now - e.getValue().start >= windowMs && e.getValue().suppressed.get() == 0);
    }

    private Summary summaryOf(Key key, Window w, long now) {
        int n = w.suppressed.get();
        if (n == 0) return null;
        return new Summary(key, n, Math.max(1, Math.min(now - w.start, windowMs) / 1000));
    }
}
