package org.switchboard.channels.skype;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.switchboard.core.PbxLog;

/**
 * A serial executor: one Jingle session's events (stanzas, the dialplan's requests, media
 * outcomes, timers) run one at a time in arrival order, so its state machine needs no lock. Runs
 * on virtual threads, one at a time; a task may block (a disco query, a send) without holding
 * anything but its own session.
 */
final class SkypeStrand {
    private final String name;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    SkypeStrand(String name) { this.name = name; }

    void execute(Runnable task) {
        tasks.add(task);
        if (running.compareAndSet(false, true)) Thread.ofVirtual().name(name).start(this::drain);
    }

    private void drain() {
        for (;;) {
            for (Runnable t; (t = tasks.poll()) != null; ) {
                try {
                    t.run();
                } catch (RuntimeException e) {
                    PbxLog.warning(SkypeAccount.LOG, "Skype call " + name + ": " + e);
                }
            }
            running.set(false);
            // a task queued after the poll above and before the flag dropped: take the strand back
            if (tasks.isEmpty() || !running.compareAndSet(false, true)) return;
        }
    }
}
