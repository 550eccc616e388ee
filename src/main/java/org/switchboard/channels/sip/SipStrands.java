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
 * <p>Each strand counts what waits on it. Past {@link #HIGH_WATER} queued messages a strand is
 * overloaded until it is back under {@link #LOW_WATER}: Asterisk's taskprocessor alert, whose
 * default high and low water are 500 and 450 (res_pjsip's distributor then refuses new requests).
 */
final class SipStrands implements AutoCloseable {
    static final int HIGH_WATER = 500;
    static final int LOW_WATER = 450;

    private final ExecutorService[] threads;
    private final Strand[] strands;
    private final AtomicIntegerArray pending;
    private final boolean[] alert; // per strand; a racy read only delays the alert by a message

    SipStrands(int n) {
        threads = new ExecutorService[n];
        strands = new Strand[n];
        pending = new AtomicIntegerArray(n);
        alert = new boolean[n];
        for (int i = 0; i < n; i++) {
            String name = "sip-strand-" + i;
            threads[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
            strands[i] = new Strand(name, "chan_sip.c", threads[i]);
        }
    }

    /** As many strands as the machine has cores. */
    static SipStrands perCore() { return new SipStrands(Math.max(1, Runtime.getRuntime().availableProcessors())); }

    /** Strands on their own threads; tests pass an executor they drive. */
    SipStrands(Strand[] strands) {
        this.threads = new ExecutorService[0];
        this.strands = strands;
        this.pending = new AtomicIntegerArray(strands.length);
        this.alert = new boolean[strands.length];
    }

    private int index(String callId) { return callId == null ? 0 : Math.floorMod(callId.hashCode(), strands.length); }

    /** The strand of the dialog (or transaction) with this Call-ID; one without a Call-ID goes to the first. */
    Strand of(String callId) { return strands[index(callId)]; }

    /** Runs {@code task} on the Call-ID's strand, counted while it waits. */
    void execute(String callId, Runnable task) {
        int i = index(callId);
        pending.incrementAndGet(i);
        try {
            strands[i].execute(() -> {
                pending.decrementAndGet(i);
                task.run();
            });
        } catch (RuntimeException e) {
            pending.decrementAndGet(i);
            throw e;
        }
    }

    /** Whether the Call-ID's strand is past its high water (and not yet back under its low water). */
    boolean overloaded(String callId) {
        int i = index(callId);
        int n = pending.get(i);
        boolean on = alert[i] ? n > LOW_WATER : n >= HIGH_WATER;
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
