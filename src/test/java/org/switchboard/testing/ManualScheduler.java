package org.switchboard.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The PBX's timer service on a manual clock: nothing runs until the test calls
 * {@link #advance}, which moves the clock and runs every task that has come due, in time order,
 * on the test's thread. A test of a 30-second timeout takes microseconds and cannot be late.
 * {@link #clock()} is the matching wall clock for code that reads the time.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private final Clock clock = new ManualClock();
    private volatile long nowNanos;
    private final long epochMillis;
    private long sequence;
    private volatile boolean shutdown;

    public ManualScheduler() { this(Instant.parse("2026-01-01T00:00:00Z")); }

    public ManualScheduler(Instant start) { this.epochMillis = start.toEpochMilli(); }

    /** The wall clock this scheduler's time moves. */
    public Clock clock() { return clock; }

    /** Moves time forward by {@code d}, running what comes due on the way (and what those schedule, if due). */
    public void advance(Duration d) {
        long target = nowNanos + d.toNanos();
        for (;;) {
            Task<?> t;
            lock.lock();
            try {
                t = queue.peek();
                if (t == null || t.at > target) break;
                queue.poll();
                nowNanos = Math.max(nowNanos, t.at);
            } finally {
                lock.unlock();
            }
            t.runOnce();
        }
        nowNanos = target;
    }

    /** Runs what is due now (tasks handed to execute/submit, zero delays) without moving time. */
    public void runDue() { advance(Duration.ZERO); }

    /** Tasks waiting (cancelled ones leave at once). */
    public int pending() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private <V> Task<V> add(Task<V> t) {
        if (shutdown) throw new java.util.concurrent.RejectedExecutionException("shut down");
        lock.lock();
        try {
            t.seq = sequence++;
            queue.add(t);
        } finally {
            lock.unlock();
        }
        return t;
    }

    private void remove(Task<?> t) {
        lock.lock();
        try {
            queue.remove(t);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(new Task<>(Executors.callable(command), nowNanos + unit.toNanos(Math.max(0, delay)), 0));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(new Task<>(callable, nowNanos + unit.toNanos(Math.max(0, delay)), 0));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return add(new Task<>(Executors.callable(command), nowNanos + unit.toNanos(initialDelay), unit.toNanos(period)));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return scheduleAtFixedRate(command, initialDelay, delay, unit); // no task takes manual time
    }

    @Override public void execute(Runnable command) { schedule(command, 0, TimeUnit.NANOSECONDS); }
    @Override public void shutdown() { shutdown = true; }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        lock.lock();
        try {
            List<Runnable> left = new ArrayList<>(queue);
            queue.clear();
            return left;
        } finally {
            lock.unlock();
        }
    }

    @Override public boolean isShutdown() { return shutdown; }
    @Override public boolean isTerminated() { return shutdown; }
    @Override public boolean awaitTermination(long timeout, TimeUnit unit) { return shutdown; }

    private static final class Executors {
        static Callable<Object> callable(Runnable r) { return java.util.concurrent.Executors.callable(r); }
    }

    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V>, Runnable {
        private long at;
        private final long period;
        private long seq;

        Task(Callable<V> c, long at, long period) {
            super(c);
            this.at = at;
            this.period = period;
        }

        void runOnce() {
            if (period == 0) {
                run();
            } else if (runAndReset()) {
                at += period;
                add(this);
            }
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            boolean c = super.cancel(mayInterrupt);
            remove(this);
            return c;
        }

        @Override
        public long getDelay(TimeUnit unit) { return unit.convert(at - nowNanos, TimeUnit.NANOSECONDS); }

        @Override
        public int compareTo(Delayed o) {
            Task<?> t = (Task<?>) o;
            int c = Long.compare(at, t.at);
            return c != 0 ? c : Long.compare(seq, t.seq);
        }
    }

    private final class ManualClock extends Clock {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public long millis() { return epochMillis + nowNanos / 1_000_000; }
        @Override public Instant instant() { return Instant.ofEpochMilli(millis()).plusNanos(nowNanos % 1_000_000); }
    }
}
