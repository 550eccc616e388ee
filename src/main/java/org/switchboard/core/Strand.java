package org.switchboard.core;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A serial executor: the tasks given to one strand run one at a time, in the order given, on
 * whatever thread {@code runner} lends it, so the state they touch needs no lock of its own.
 * Several strands may share one runner (a pool, or virtual threads); a strand never holds a thread
 * while it has nothing to do. A task that throws is logged under {@code logTag} and the strand goes on.
 * Its tasks write to the log of the PBX whose thread made the strand, whatever thread runs them.
 */
public final class Strand implements Executor {
    private final String name;
    private final String logTag;
    private final Executor runner;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Thread current;
    private final PbxLogger log = PbxLog.current();

    public Strand(String name, String logTag, Executor runner) {
        this.name = name;
        this.logTag = logTag;
        this.runner = runner;
    }

    /** A strand that drains on a new virtual thread whenever it has work and none is draining it. */
    public static Strand onVirtualThreads(String name, String logTag) {
        return new Strand(name, logTag, r -> Thread.ofVirtual().name(name).start(r));
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (running.compareAndSet(false, true)) runner.execute(this::drain);
    }

    /** Whether the calling thread is running this strand's task now. */
    public boolean isCurrent() { return current == Thread.currentThread(); }

    public String name() { return name; }

    private void drain() {
        PbxLogger outer = PbxLog.enter(log);
        try {
            drainBound();
        } finally {
            PbxLog.leave(outer);
        }
    }

    private void drainBound() {
        for (;;) {
            current = Thread.currentThread();
            try {
                for (Runnable t; (t = tasks.poll()) != null; ) {
                    try {
                        t.run();
                    } catch (RuntimeException e) {
                        PbxLog.warning(logTag, name + ": " + e);
                    }
                }
            } finally {
                current = null;
                running.set(false);
            }
            // a task queued after the poll above and before the flag dropped: take the strand back
            if (tasks.isEmpty() || !running.compareAndSet(false, true)) return;
        }
    }
}
