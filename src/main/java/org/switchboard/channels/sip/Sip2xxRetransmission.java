package org.switchboard.channels.sip;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.switchboard.channels.sip.transaction.TimerSettings;

/**
 * The UAS core's 2xx retransmission (RFC 3261 §13.3.1.4): again at T1, then doubling up to T2,
 * until {@link #stop()} (the ACK came) or until 64*T1 have passed (RFC 6026's Timer L), when
 * {@code giveUp} runs instead of another send. T1 and T2 come from the stack's {@link TimerSettings}
 * (sip.conf's {@code timert1}). The callbacks run on {@code scheduler}'s thread; they take the
 * call's lock and check its state, so a late tick after {@link #stop()} does nothing harmful.
 */
final class Sip2xxRetransmission {
    private final ScheduledExecutorService scheduler;
    private final TimerSettings timers;
    private final Runnable resend;
    private final Runnable giveUp;
    private volatile ScheduledFuture<?> next;
    private volatile boolean stopped;

    Sip2xxRetransmission(ScheduledExecutorService scheduler, TimerSettings timers, Runnable resend, Runnable giveUp) {
        this.scheduler = scheduler;
        this.timers = timers;
        this.resend = resend;
        this.giveUp = giveUp;
    }

    /** Starts the schedule after the first send. */
    Sip2xxRetransmission start() {
        schedule(timers.t1(), timers.t1());
        return this;
    }

    private void schedule(long delay, long elapsed) {
        if (stopped) return;
        try {
            next = scheduler.schedule(() -> tick(delay, elapsed), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            stopped = true; // shutting down
        }
    }

    private void tick(long delay, long elapsed) {
        if (stopped) return;
        if (elapsed >= timers.timeout()) { // Timer L (64*T1): no ACK came
            stopped = true;
            giveUp.run();
            return;
        }
        resend.run();
        long interval = Math.min(delay * 2, timers.t2());
        schedule(interval, elapsed + interval);
    }

    /** The ACK came (or the dialog ended): no more sends, no give-up. */
    void stop() {
        stopped = true;
        ScheduledFuture<?> f = next;
        if (f != null) f.cancel(false);
    }
}
