package org.switchboard.channels.sip.transaction;

/**
 * Schedules transaction timers (RFC 3261 §17, Table 4). {@link ScheduledSipTimers} runs them on a
 * scheduler thread; {@link ManualSipTimers} runs them when a test advances its virtual clock.
 */
public interface SipTimers {

    /** A scheduled timer; cancelling one that already ran or was cancelled does nothing. */
    interface Handle {
        void cancel();
    }

    Handle NONE = () -> {};

    /** Runs {@code task} once after {@code delayMillis}. The task must not block. */
    Handle schedule(long delayMillis, Runnable task);

    /**
     * Like {@link #schedule}, for a timer whose delay is the same every time it is set (Timers J
     * and L, 64*T1): such timers fall due in the order they were set, which an implementation may
     * use to keep them more cheaply.
     */
    default Handle scheduleInOrder(long delayMillis, Runnable task) { return schedule(delayMillis, task); }
}
