package org.switchboard.channels.sip;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.Strand;

/**
 * Where a stack's SIP work runs: one {@link Strand} per thread, N of them (N = cores), each
 * dialog's messages on the strand its Call-ID hashes to. So everything one dialog receives
 * (its INVITE, CANCEL, ACK, BYE, the responses to our requests) runs in arrival order, one at a
 * time, and the socket threads only read, parse and hand over.
 */
final class SipStrands implements AutoCloseable {
    private final ExecutorService[] threads;
    private final Strand[] strands;

    SipStrands(int n) {
        threads = new ExecutorService[n];
        strands = new Strand[n];
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

    /** The strand of the dialog (or transaction) with this Call-ID; one without a Call-ID goes to the first. */
    Strand of(String callId) {
        return strands[callId == null ? 0 : Math.floorMod(callId.hashCode(), strands.length)];
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
