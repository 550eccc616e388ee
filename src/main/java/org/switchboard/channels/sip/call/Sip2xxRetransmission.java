package org.switchboard.channels.sip.call;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.switchboard.channels.sip.transaction.TimerSettings;

/**
 * The UAS core's 2xx retransmission (RFC 3261 §13.3.1.4): again at T1, then doubling up to T2,
 * until {@link #stop()} (the ACK came) or until 64*T1 have passed (RFC 6026's Timer L), when
 * {@code giveUp} runs and the sends stop. T1 and T2 come from the stack's {@link TimerSettings}
 * (sip.conf's {@code timert1}). The callbacks run on {@code scheduler}'s thread; they take the
 * call's lock and check its state, so a late tick after {@link #stop()} does nothing harmful.
 */
final class Sip2xxRetransmission {
    private final ScheduledExecutorService scheduler;
    private final TimerSettings timers;
    private final Runnable resend;
    private final Runnable giveUp;
    private volatile ScheduledFuture<?> next;
    private volatile ScheduledFuture<?> timerL;
    private volatile boolean stopped;

    Sip2xxRetransmission(ScheduledExecutorService scheduler, TimerSettings timers, Runnable resend, Runnable giveUp) {
        this.scheduler = scheduler;
        this.timers = timers;
        this.resend = resend;
        this.giveUp = giveUp;
    }

    /** Starts the schedule after the first send. */
    Sip2xxRetransmission start() {
        try {
            timerL = scheduler.schedule(this::timerL, timers.timeout(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            stopped = true; // shutting down
            return this;
        }
        schedule(timers.t1());
        return this;
    }

    private void schedule(long delay) {
        if (stopped) return;
        try {
            next = scheduler.schedule(() -> tick(delay), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            stopped = true;
        }
    }

    private void tick(long delay) {
        if (stopped) return;
        resend.run();
        schedule(Math.min(delay * 2, timers.t2()));
    }

    private void timerL() { // 64*T1 and no ACK
        if (stopped) return;
        stopped = true;
        ScheduledFuture<?> f = next;
        if (f != null) f.cancel(false);
        giveUp.run();
    }

    /** The ACK came (or the dialog ended): no more sends, no give-up. */
    void stop() {
        stopped = true;
        ScheduledFuture<?> f = next;
        if (f != null) f.cancel(false);
        ScheduledFuture<?> l = timerL;
        if (l != null) l.cancel(false);
    }
}
