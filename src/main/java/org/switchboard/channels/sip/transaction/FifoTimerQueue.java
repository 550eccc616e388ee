package org.switchboard.channels.sip.transaction;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Timers that all have the same delay, so they fall due in the order they were set: a queue, not a
 * heap. Timer J keeps every answered BYE for 64*T1 (RFC 3261 §17.2.2): at 3,000 calls/s that is
 * 96,000 timers, which a {@code ScheduledThreadPoolExecutor} holds as a task of about 160 bytes each
 * in a heap it sifts under one lock. Here a timer is a queue entry of about 50 bytes, and one
 * drain task at a time is scheduled, for the head's due time.
 */
final class FifoTimerQueue {
    private final long delayNanos;
    private final ScheduledExecutorService executor;
    private final Consumer<Runnable> runner;
    private final ConcurrentLinkedQueue<Entry> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean armed = new AtomicBoolean();

    /** {@code runner} runs a due task (catching what it throws). */
    FifoTimerQueue(long delayMillis, ScheduledExecutorService executor, Consumer<Runnable> runner) {
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
        this.executor = executor;
        this.runner = runner;
    }

    private static final class Entry implements SipTimers.Handle {
        final long due;
        volatile Runnable task; // null once cancelled: a cancelled timer must not keep its transaction

        Entry(long due, Runnable task) {
            this.due = due;
            this.task = task;
        }

        @Override public void cancel() { task = null; }
    }

    SipTimers.Handle add(Runnable task) {
        Entry e = new Entry(System.nanoTime() + delayNanos, task);
        queue.offer(e);
        if (armed.compareAndSet(false, true)) arm(delayNanos);
        return e;
    }

    private void arm(long inNanos) {
        executor.schedule(this::drain, Math.max(0, inNanos), TimeUnit.NANOSECONDS);
    }

    private void drain() {
        long now = System.nanoTime();
        for (Entry e; (e = queue.peek()) != null && e.due - now <= 0; ) {
            queue.poll();
            Runnable task = e.task;
            if (task != null) runner.accept(task);
        }
        // disarm first, then look: an entry added meanwhile either sees the queue disarmed and
        // arms it, or is seen here
        armed.set(false);
        Entry head = queue.peek();
        if (head != null && armed.compareAndSet(false, true)) arm(head.due - System.nanoTime());
    }
}
