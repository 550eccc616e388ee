package org.switchboard.res.cel;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.switchboard.core.Channel;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.funcs.StrftimeFunction;

/**
 * The CEL engine of one PBX: follows the channel events while cel.conf enables it, turns them
 * into records ({@link CelTracker}) on the publishing thread, and hands the records in order to
 * the backends (cel_manager, cel_custom) on a writer thread of its own, so a slow disk never
 * delays a call. Costs nothing while disabled: it does not subscribe.
 */
public final class CelEngine implements AutoCloseable {
    /** A CEL backend, as cel_* modules register with Asterisk's CEL core. */
    public interface Backend {
        String name();
        void log(CelRecord r);
    }

    private static final Set<String> FOLLOWED = Set.of("Newchannel", "Newstate", "Newexten", "BridgeEnter", "BridgeLeave", "Hangup");
    private final Pbx pbx;
    private final ReentrantLock lock = new ReentrantLock();
    private final CelTracker tracker;
    private final List<Backend> backends = new CopyOnWriteArrayList<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
        org.switchboard.core.PbxLog.threadFactory(Thread.ofVirtual().name("cel-writer").factory()));
    private final Consumer<ManagerEvent> subscriber = this::onEvent;
    private volatile CelConfig config = CelConfig.disabled();
    private boolean subscribed;

    private CelEngine(Pbx pbx) {
        this.pbx = pbx;
        this.tracker = new CelTracker(config, name -> pbx.channels().byName(name));
    }

    public static CelEngine of(Pbx pbx) { return pbx.service(CelEngine.class, CelEngine::new); }

    public CelConfig config() { return config; }

    public List<String> backendNames() { return backends.stream().map(Backend::name).toList(); }

    public void register(Backend b) { backends.add(b); }

    public void unregister(Backend b) { backends.remove(b); }

    /** Applies cel.conf: events are followed only while it enables CEL. */
    void configure(CelConfig c) {
        lock.lock();
        try {
            config = c;
            tracker.setConfig(c);
            if (c.enabled() && !subscribed) pbx.events().subscribe(subscriber);
            if (!c.enabled() && subscribed) pbx.events().unsubscribe(subscriber);
            subscribed = c.enabled();
        } finally {
            lock.unlock();
        }
    }

    private void onEvent(ManagerEvent e) {
        if (!FOLLOWED.contains(e.name())) return;
        // handed to the writer under the lock: two channels hanging up at once on two threads
        // must reach the backends in the order the tracker saw them (LINKEDID_END last)
        lock.lock();
        try {
            for (CelRecord r : tracker.on(e, nowMicros())) dispatch(r);
        } finally {
            lock.unlock();
        }
    }

    /** CELGenUserEvent: a USER_DEFINED record for {@code c}; false when CEL does not track them. */
    public boolean userEvent(Channel c, String name, String extra) {
        lock.lock();
        try {
            CelRecord r = tracker.userEvent(c, name, extra, nowMicros());
            if (r == null) return false;
            dispatch(r);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void dispatch(CelRecord r) {
        if (backends.isEmpty()) return;
        try {
            writer.execute(() -> {
                for (Backend b : backends) {
                    try {
                        b.log(r);
                    } catch (RuntimeException ex) {
                        PbxLog.limited(PbxLog.Level.WARNING, "cel.c", b.name(), "CEL backend " + b.name() + " failed: " + ex);
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            PbxLog.limited(PbxLog.Level.NOTICE, "cel.c", "closed", "CEL record after shutdown dropped: " + r.type());
        }
    }

    private long nowMicros() {
        Instant t = pbx.clock().instant();
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
    }

    /** EventTime as cel.conf's dateformat says (strftime, local time), else seconds.microseconds. */
    public String eventTime(CelRecord r) {
        String fmt = config.dateFormat();
        if (fmt == null || fmt.isBlank()) return String.format("%d.%06d", r.timeMicros() / 1_000_000, r.timeMicros() % 1_000_000);
        Instant t = Instant.ofEpochSecond(r.timeMicros() / 1_000_000, (r.timeMicros() % 1_000_000) * 1000);
        return StrftimeFunction.strftime(fmt, t.atZone(ZoneId.systemDefault()));
    }

    /** Records already handed over are written before this returns (bounded). */
    @Override
    public void close() {
        configure(CelConfig.disabled());
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
