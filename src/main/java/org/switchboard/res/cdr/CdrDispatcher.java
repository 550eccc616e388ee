package org.switchboard.res.cdr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.PbxLog;

/**
 * Posts finished records to the backends on one thread of its own, so a call never waits for a
 * file or a database. Simple mode posts each record as it comes; batch mode (cdr.conf
 * {@code batch}) keeps them until {@code size} are waiting or {@code time} seconds have passed.
 * Records nobody should see are dropped here, as Asterisk's post_cdr does: disabled ones, and
 * unanswered ones without both channels unless {@code unanswered = yes}.
 */
final class CdrDispatcher implements AutoCloseable {
    private record Flush(CountDownLatch done) {}

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final List<CdrBackend> backends = new CopyOnWriteArrayList<>();
    private final List<CdrRecord> batch = new ArrayList<>();
    private volatile CdrConfig config = CdrConfig.DEFAULTS;
    private volatile long nextBatchMillis;
    private volatile int batchCount;
    private final java.util.concurrent.atomic.AtomicReference<Thread> thread = new java.util.concurrent.atomic.AtomicReference<>();

    void start() {
        Thread t = new Thread(org.switchboard.core.PbxLog.carried(this::run), "cdr-post");
        t.setDaemon(true);
        if (thread.compareAndSet(null, t)) t.start();
    }

    void configure(CdrConfig c) {
        config = c;
        queue.offer(Boolean.TRUE);   // wake the thread: the batch deadline may have changed
    }

    void post(List<CdrRecord> records) { queue.addAll(records); }

    void register(CdrBackend b) {
        backends.removeIf(x -> x.backendName().equalsIgnoreCase(b.backendName()));
        backends.add(b);
    }

    void unregister(CdrBackend b) { backends.remove(b); }

    List<CdrBackend> backends() { return List.copyOf(backends); }

    int batchSize() { return batchCount; }

    /** Seconds until the batch is posted (0 when nothing waits). */
    long secondsToNextBatch() {
        long left = nextBatchMillis - System.currentTimeMillis();
        return batchCount == 0 || left < 0 ? 0 : (left + 999) / 1000;
    }

    /** Posts everything queued and batched, waiting at most {@code timeoutMs}; false on timeout. */
    boolean flush(long timeoutMs) {
        Thread t = thread.get();
        if (t == null || !t.isAlive() || t == Thread.currentThread()) return true;
        Flush f = new Flush(new CountDownLatch(1));
        queue.offer(f);
        try {
            return f.done.await(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run() {
        for (;;) {
            Object item;
            try {
                long wait = batchCount == 0 ? 60_000 : Math.max(1, nextBatchMillis - System.currentTimeMillis());
                item = queue.poll(wait, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;   // close()
            }
            CdrConfig c = config;
            if (item instanceof CdrRecord r) {
                if (!c.batch()) {
                    submit(List.of(r));
                } else {
                    if (batch.isEmpty()) nextBatchMillis = System.currentTimeMillis() + c.batchTimeSeconds() * 1000L;
                    batch.add(r);
                    batchCount = batch.size();
                    if (batch.size() >= Math.max(1, c.batchSize())) submitBatch();
                }
            } else if (item instanceof Flush f) {
                submitBatch();
                f.done.countDown();
            }
            if (!batch.isEmpty() && (!c.batch() || System.currentTimeMillis() >= nextBatchMillis)) submitBatch();
        }
    }

    private void submitBatch() {
        if (batch.isEmpty()) return;
        List<CdrRecord> out = List.copyOf(batch);
        batch.clear();
        batchCount = 0;
        submit(out);
    }

    private void submit(List<CdrRecord> records) {
        CdrConfig c = config;
        for (CdrRecord r : records) {
            if (!c.unanswered() && r.disposition().value() < CdrDisposition.ANSWERED.value()
                    && (r.channel().isEmpty() || r.dstChannel().isEmpty())) {
                continue;   // an unanswered call that offered nobody a line (cdr.conf unanswered = no)
            }
            if (r.disabled()) continue;
            for (CdrBackend b : backends) {
                if (b.suspended()) continue;
                try {
                    b.log(r);
                } catch (RuntimeException e) {
                    PbxLog.warning("cdr.c", "CDR backend '" + b.backendName() + "' failed on the record of " + r.channel() + ": " + e);
                }
            }
        }
    }

    @Override
    public void close() {
        flush(5_000);
        Thread t = thread.getAndSet(null);
        if (t != null) t.interrupt();
    }
}
