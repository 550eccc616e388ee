package org.switchboard.channels.sip.transaction;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.PbxLog;

/** {@link SipTimers} on a {@link ScheduledExecutorService}; cancelled timers leave the queue at once. */
public final class ScheduledSipTimers implements SipTimers, AutoCloseable {
    private final ScheduledExecutorService executor;
    private final boolean owned;
    /** Set at close: timers still queued on a shared executor then do nothing when they come due. */
    private volatile boolean closed;
    /** One queue per delay for {@link #scheduleInOrder}: in practice one, 64*T1. */
    private final java.util.concurrent.ConcurrentHashMap<Long, FifoTimerQueue> inOrder = new java.util.concurrent.ConcurrentHashMap<>();

    public ScheduledSipTimers(ScheduledExecutorService executor) {
        this.executor = executor;
        this.owned = false;
    }

    /** With its own single platform thread named {@code sip-timers}. */
    public ScheduledSipTimers() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "sip-timers");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        this.executor = e;
        this.owned = true;
    }

    @Override public Handle schedule(long delayMillis, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(() -> run(task), delayMillis, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override public Handle scheduleInOrder(long delayMillis, Runnable task) {
        return inOrder.computeIfAbsent(delayMillis, d -> new FifoTimerQueue(d, executor, this::run)).add(task);
    }

    private void run(Runnable task) {
        if (closed) return; // a retransmission into a closed transport makes Netty log an ERROR
        try {
            task.run();
        } catch (RuntimeException e) { // one broken timer must not stop the others
            PbxLog.error("sip-timers", "timer task failed: " + e);
        }
    }

    @Override public void close() {
        closed = true;
        if (owned) executor.shutdownNow();
    }

}
