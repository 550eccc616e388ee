package org.switchboard.channels.sip.transaction;

import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link SipTimers} on a virtual clock: nothing runs until {@link #advance(long)}, which runs every
 * timer due by then in time order on the caller's thread. For tests; nobody sleeps.
 */
public final class ManualSipTimers implements SipTimers {

    private static final class Entry implements Handle, Comparable<Entry> {
        final long due;
        final long seq;
        final Runnable task;
        volatile boolean cancelled;

        Entry(long due, long seq, Runnable task) {
            this.due = due;
            this.seq = seq;
            this.task = task;
        }

        @Override public void cancel() { cancelled = true; }

        @Override public int compareTo(Entry o) {
            return due != o.due ? Long.compare(due, o.due) : Long.compare(seq, o.seq);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long now;
    private long seq;

    @Override public Handle schedule(long delayMillis, Runnable task) {
        lock.lock();
        try {
            Entry e = new Entry(now + Math.max(0, delayMillis), seq++, task);
            queue.add(e);
            return e;
        } finally {
            lock.unlock();
        }
    }

    /** Moves the clock forward, running each timer that falls due (timers they schedule included). */
    public void advance(long millis) {
        long target;
        lock.lock();
        try {
            target = now + millis;
        } finally {
            lock.unlock();
        }
        while (true) {
            Entry next;
            lock.lock();
            try {
                next = queue.peek();
                if (next == null || next.due > target) {
                    now = target;
                    return;
                }
                queue.poll();
                now = next.due;
            } finally {
                lock.unlock();
            }
            if (!next.cancelled) next.task.run();
        }
    }

    /** The virtual time in milliseconds since creation. */
    public long now() {
        lock.lock();
        try {
            return now;
        } finally {
            lock.unlock();
        }
    }

    /** Timers scheduled and neither run nor cancelled. */
    public int pending() {
        lock.lock();
        try {
            return (int) queue.stream().filter(e -> !e.cancelled).count();
        } finally {
            lock.unlock();
        }
    }
}
