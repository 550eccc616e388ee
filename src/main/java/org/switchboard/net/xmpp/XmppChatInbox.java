package org.switchboard.net.xmpp;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.switchboard.core.Channel;
import org.switchboard.core.HangupException;

/**
 * Chat messages of one XMPP account on their way to the dialplan (chan_skype's
 * {@code SKYPE_CHAT_RECEIVE}, res_xmpp's {@code JABBER_RECEIVE}). Each message goes to exactly one
 * waiter, the oldest one whose sender filter matches; a message nobody waits for is handed to the
 * router (chat_context, sendtodialplan) or held for {@code holdMs} so that a reply racing the
 * dialplan is not lost. No I/O; never blocks while holding its lock.
 */
public final class XmppChatInbox {
    /**
     * One received message; {@code from} is the sender's JID (bare or full, as the account keeps
     * it), {@code sender} as the dialplan sees it.
     */
    public record Incoming(String from, String sender, String body, long arrivedNanos) {}

    private static final int MAX_HELD = 10_000;

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final ArrayDeque<Incoming> held = new ArrayDeque<>();
    private volatile long holdNanos;
    private volatile Predicate<Incoming> router;
    private long dropped;

    private static final class Waiter {
        final String fromFilter;
        final CompletableFuture<Incoming> slot = new CompletableFuture<>();

        Waiter(String fromFilter) { this.fromFilter = fromFilter; }

        /** A bare JID filter takes every resource of the sender; a full one only that resource. */
        boolean wants(Incoming m) {
            if (fromFilter == null) return true;
            if (fromFilter.indexOf('/') >= 0) return fromFilter.equalsIgnoreCase(m.from());
            int slash = m.from().indexOf('/');
            return fromFilter.equalsIgnoreCase(slash < 0 ? m.from() : m.from().substring(0, slash));
        }
    }

    public XmppChatInbox(long holdMs) { setHoldMs(holdMs); }

    public void setHoldMs(long ms) { holdNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, ms)); }

    /**
     * Receives messages nobody waits for (chat_context); returns false when it did not take the
     * message (it is held then). Null: no routing, messages are held.
     */
    public void setRouter(Predicate<Incoming> r) { router = r; }

    public enum Outcome { WAITER, ROUTED, HELD }

    /** A message arrived from the network: handed to a waiter, routed (chat_context) or held. */
    public Outcome deliver(Incoming m) {
        Predicate<Incoming> r;
        lock.lock();
        try {
            if (handToWaiter(m)) return Outcome.WAITER;
            r = router;
            if (r == null) {
                // decided under the same lock as the waiters: a waiter that comes next finds it held
                holdLocked(m, false);
                return Outcome.HELD;
            }
        } finally {
            lock.unlock();
        }
        if (r.test(m)) return Outcome.ROUTED;
        lock.lock();
        try {
            if (handToWaiter(m)) return Outcome.WAITER;
            holdLocked(m, false);
            return Outcome.HELD;
        } finally {
            lock.unlock();
        }
    }

    private boolean handToWaiter(Incoming m) {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (w.wants(m)) {
                it.remove();
                w.slot.complete(m);
                return true;
            }
        }
        return false;
    }

    private void holdLocked(Incoming m, boolean atHead) {
        purge(System.nanoTime());
        if (held.size() >= MAX_HELD) {
            held.pollFirst();
            dropped++;
        }
        if (atHead) held.addFirst(m);
        else held.addLast(m);
    }

    private void purge(long now) {
        long hold = holdNanos;
        while (!held.isEmpty() && now - held.peekFirst().arrivedNanos() > hold) {
            held.pollFirst();
            dropped++;
        }
    }

    /** Messages that expired unread since the start. */
    public long dropped() {
        lock.lock();
        try {
            purge(System.nanoTime());
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    public int waiting() {
        lock.lock();
        try {
            return waiters.size();
        } finally {
            lock.unlock();
        }
    }

    public int held() {
        lock.lock();
        try {
            purge(System.nanoTime());
            return held.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for the next message (from {@code fromFilter} when not null) on the channel's thread.
     *
     * @return the message, or null after {@code timeoutMs}
     * @throws HangupException when the channel hangs up while it waits (the message, if one was
     *                         handed over at that instant, goes back to the next waiter)
     */
    public Incoming await(Channel channel, String fromFilter, long timeoutMs) {
        Waiter w = new Waiter(fromFilter);
        lock.lock();
        try {
            purge(System.nanoTime());
            for (Iterator<Incoming> it = held.iterator(); it.hasNext(); ) {
                Incoming m = it.next();
                if (w.wants(m)) {
                    it.remove();
                    return m;
                }
            }
            waiters.addLast(w);
        } finally {
            lock.unlock();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMs));
        CompletableFuture<Void> woken = new CompletableFuture<>();
        boolean hungUp = false;
        try (AutoCloseable hook = channel == null ? null : channel.onWake(() -> woken.complete(null))) {
            CompletableFuture<Object> either = CompletableFuture.anyOf(w.slot, woken);
            for (;;) {
                if (w.slot.isDone()) return w.slot.getNow(null);
                if (channel != null && channel.isHangupRequested()) {
                    hungUp = true;   // a wake-up sets the flag before it completes 'woken'
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                try {
                    either.get(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    // not ours: the loop head decides
                } catch (TimeoutException | ExecutionException e) {
                    break;
                }
            }
        } catch (Exception e) {
            // closing the wake-up registration cannot fail
        }
        Incoming late = cancel(w);
        if (hungUp) {
            if (late != null) redeliver(late);       // the next waiter gets it, or it is held first in line
            throw new HangupException();
        }
        return late;                                 // non-null when it arrived as the time ran out
    }

    private void redeliver(Incoming m) {
        lock.lock();
        try {
            if (!handToWaiter(m)) holdLocked(m, true);
        } finally {
            lock.unlock();
        }
    }

    /** Takes the waiter out; returns a message handed to it meanwhile, if any. */
    private Incoming cancel(Waiter w) {
        lock.lock();
        try {
            if (waiters.remove(w)) return null;
        } finally {
            lock.unlock();
        }
        return w.slot.getNow(null);
    }
}
