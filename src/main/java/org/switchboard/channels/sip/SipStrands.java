package org.switchboard.channels.sip;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.switchboard.core.Strand;

/**
 * Where a stack's SIP work runs: one {@link Strand} per thread, N of them (N = cores), each
 * dialog's messages on the strand its Call-ID hashes to. So everything one dialog receives
 * (its INVITE, CANCEL, ACK, BYE, the responses to our requests) runs in arrival order, one at a
 * time, and the socket threads only read, parse and hand over.
 *
 * <p>Each strand counts what waits on it and how long the message it last started had waited.
 * Past {@link #HIGH_WATER} queued messages, or {@link #HIGH_LAG_MILLIS} of waiting, a strand is
 * overloaded until it is back under {@link #LOW_WATER} and {@link #LOW_LAG_MILLIS}: Asterisk's
 * taskprocessor alert, whose default high and low water are 500 and 450 (res_pjsip's distributor
 * then refuses new requests). The wait counts too because a message that waits T1 (500 ms,
 * RFC 3261 §17.1.1.2) is sent again by its peer, which only adds to the queue.
 */
final class SipStrands implements AutoCloseable {
    static final int HIGH_WATER = 500;
    static final int LOW_WATER = 450;
    static final long HIGH_LAG_MILLIS = 400;   // under T1; lower refused calls a loaded but coping box still answered in time
    static final long LOW_LAG_MILLIS = 200;

    private final ExecutorService[] threads;
    private final Strand[] strands;
    private final AtomicIntegerArray pending;
    private final java.util.concurrent.atomic.AtomicLongArray lag; // nanoseconds the last started message waited
    private final java.util.function.LongSupplier nanoTime;
    private final boolean[] alert; // per strand; a racy read only delays the alert by a message

    SipStrands(int n) {
        threads = new ExecutorService[n];
        strands = new Strand[n];
        pending = new AtomicIntegerArray(n);
        lag = new java.util.concurrent.atomic.AtomicLongArray(n);
        nanoTime = System::nanoTime;
        alert = new boolean[n];
        for (int i = 0; i < n; i++) {
            String name = "sip-strand-" + i;
            threads[i] = Executors.newSingleThreadExecutor(org.switchboard.core.PbxLog.threadFactory(r -> {
                Thread t = new Thread(r, name);   // writes to the log of the PBX whose stack makes it
                t.setDaemon(true);
                return t;
            }));
            strands[i] = new Strand(name, "chan_sip.c", threads[i]);
        }
    }

    /** As many strands as the machine has cores. */
    static SipStrands perCore() { return new SipStrands(Math.max(1, Runtime.getRuntime().availableProcessors())); }

    /** Strands a test drives, on its clock. */
    SipStrands(Strand[] strands, java.util.function.LongSupplier nanoTime) {
        this.threads = new ExecutorService[0];
        this.strands = strands;
        this.pending = new AtomicIntegerArray(strands.length);
        this.lag = new java.util.concurrent.atomic.AtomicLongArray(strands.length);
        this.nanoTime = nanoTime;
        this.alert = new boolean[strands.length];
    }

    private int index(String callId) { return callId == null ? 0 : Math.floorMod(callId.hashCode(), strands.length); }

    /** The strand of the dialog (or transaction) with this Call-ID; one without a Call-ID goes to the first. */
    Strand of(String callId) { return strands[index(callId)]; }

    /** Runs {@code task} on the Call-ID's strand, counted while it waits. */
    void execute(String callId, Runnable task) {
        int i = index(callId);
        pending.incrementAndGet(i);
        long queuedAt = nanoTime.getAsLong();
        try {
            strands[i].execute(() -> {
                lag.set(i, nanoTime.getAsLong() - queuedAt);
                pending.decrementAndGet(i);
                task.run();
            });
        } catch (RuntimeException e) {
            pending.decrementAndGet(i);
            throw e;
        }
    }

    /** Whether the Call-ID's strand is past its high water or lag (and not yet back under both low marks). */
    boolean overloaded(String callId) {
        int i = index(callId);
        int n = pending.get(i);
        long waitedMillis = n == 0 ? 0 : lag.get(i) / 1_000_000; // an idle strand's last wait is history
        boolean on = alert[i] ? n > LOW_WATER || waitedMillis >= LOW_LAG_MILLIS
            : n >= HIGH_WATER || waitedMillis >= HIGH_LAG_MILLIS;
        alert[i] = on;
        return on;
    }

    /** Messages waiting on all strands now. */
    int queued() {
        int n = 0;
        for (int i = 0; i < pending.length(); i++) n += pending.get(i);
        return n;
    }

    int size() { return strands.length; }

    @Override
    public void close() {
        for (ExecutorService t : threads) t.shutdown();
        for (ExecutorService t : threads) {
            try {
                t.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
