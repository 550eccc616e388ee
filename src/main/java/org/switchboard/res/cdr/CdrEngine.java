package org.switchboard.res.cdr;

import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.switchboard.core.Channel;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * The call detail record engine of one PBX (Asterisk's main/cdr.c): listens to the PBX's events,
 * keeps every live channel's records in a {@link CdrTracker}, and hands finished ones to the
 * {@link CdrDispatcher}, which posts them to the registered backends. Events are applied on the
 * thread that publishes them, under one short lock with no I/O, so CDR() in the dialplan always
 * reads what the channel just did. Owned by the PBX ({@link #of}), started by the {@code cdr} module.
 */
public final class CdrEngine implements AutoCloseable {
    private static final Set<String> EVENTS = Set.of("Newchannel", "Newstate", "Newexten", "NewCallerid",
            "NewConnectedLine", "NewAccountCode", "DialBegin", "DialEnd", "BridgeEnter", "BridgeLeave", "Hangup");

    private final Pbx pbx;
    private final ReentrantLock lock = new ReentrantLock();
    private final CdrTracker tracker;
    private final CdrDispatcher dispatcher = new CdrDispatcher();
    private final Consumer<ManagerEvent> listener = this::onEvent;
    private volatile CdrConfig config = CdrConfig.DEFAULTS;
    private volatile boolean listening;

    private CdrEngine(Pbx pbx) {
        this.pbx = pbx;
        this.tracker = new CdrTracker(config, name -> pbx.channels().byName(name));
    }

    /** The engine of this PBX, made (idle) on first use. */
    public static CdrEngine of(Pbx pbx) { return pbx.service(CdrEngine.class, CdrEngine::new); }

    /** Takes a cdr.conf: listens to events while {@code enable = yes}. */
    void configure(CdrConfig c) {
        config = c;
        lock.lock();
        try {
            tracker.setConfig(c);
        } finally {
            lock.unlock();
        }
        dispatcher.configure(c);
        dispatcher.start();
        if (c.enabled() && !listening) {
            pbx.events().subscribe(listener);
            listening = true;
        } else if (!c.enabled() && listening) {
            pbx.events().unsubscribe(listener);
            listening = false;
            lock.lock();
            try {
                tracker.drainAll(CdrTimes.nowMicros());   // logging is off: what was open is dropped, as Asterisk does
            } finally {
                lock.unlock();
            }
        }
    }

    /** The cdr module stops: no more events; what is waiting is posted. */
    void stop() {
        if (listening) pbx.events().unsubscribe(listener);
        listening = false;
        dispatcher.flush(10_000);
    }

    public CdrConfig config() { return config; }

    public void register(CdrBackend backend) { dispatcher.register(backend); }

    /** Takes a backend out after posting what waits for it. */
    public void unregister(CdrBackend backend) {
        dispatcher.flush(10_000);
        dispatcher.unregister(backend);
    }

    public List<CdrBackend> backends() { return dispatcher.backends(); }

    int batchSize() { return dispatcher.batchSize(); }

    long secondsToNextBatch() { return dispatcher.secondsToNextBatch(); }

    /** Posts everything waiting now (tests, {@code cdr submit}). */
    public boolean flush(long timeoutMs) { return dispatcher.flush(timeoutMs); }

    private void onEvent(ManagerEvent e) {
        if (e.name().equals("Shutdown")) {
            shutdown();
            return;
        }
        if (!EVENTS.contains(e.name())) return;
        List<CdrRecord> done;
        lock.lock();
        try {
            done = tracker.on(e, CdrTimes.nowMicros());
        } finally {
            lock.unlock();
        }
        if (!done.isEmpty()) dispatcher.post(done);
    }

    /** The PBX stops: every record still open is ended and posted while the backends are still there. */
    private void shutdown() {
        List<CdrRecord> rest;
        lock.lock();
        try {
            rest = tracker.drainAll(CdrTimes.nowMicros());
        } finally {
            lock.unlock();
        }
        dispatcher.post(rest);
        if (config.safeShutdown() || !config.batch()) dispatcher.flush(10_000);
    }

    // ---- what the dialplan does to records (CDR, CDR_PROP, ResetCDR, NoCDR, ForkCDR) ----

    /**
     * A field or variable of the channel's newest record, raw (times {@code sec.usec}, disposition
     * and AMA flags as numbers); null when the channel has no records.
     */
    public String read(Channel ch, String name) {
        lock.lock();
        try {
            CdrTracker.Track t = tracker.track(ch);
            if (t == null) return null;
            ActiveCdr c = t.last();
            String v = c.property(name, config, CdrTimes.nowMicros());
            if (v != null) return v;
            String var = c.varsA.get(name);
            return var == null ? "" : var;
        } finally {
            lock.unlock();
        }
    }

    /** Sets a CDR variable on the channel's records, as Party A or as Party B; false when it has none. */
    public boolean setVariable(Channel ch, String name, String value) {
        lock.lock();
        try {
            CdrTracker.Track t = tracker.track(ch);
            if (t == null) return false;
            forOpen(t, c -> c.varsA.put(name, value));
            for (ActiveCdr c : tracker.partyBRecords(ch.name())) c.varsB.put(name, value);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** CDR(userfield)=: on the channel's open records (and its last), and where it is Party B. */
    public void setUserfield(Channel ch, String value) {
        lock.lock();
        try {
            CdrTracker.Track t = tracker.track(ch);
            if (t != null) forOpen(t, c -> c.userfieldA = value);
            for (ActiveCdr c : tracker.partyBRecords(ch.name())) {
                if (!c.finalized() || c == lastOf(c)) c.userfieldB = value;
            }
        } finally {
            lock.unlock();
        }
    }

    private ActiveCdr lastOf(ActiveCdr c) {
        CdrTracker.Track t = tracker.track(c.partyA.uniqueId(), c.partyA.name());
        return t == null ? c : t.last();
    }

    /** Finalized records are left alone, except the newest (it can still take a user field or variable). */
    private static void forOpen(CdrTracker.Track t, Consumer<ActiveCdr> change) {
        for (ActiveCdr c : t.chain) {
            if (c.finalized() && c != t.last()) continue;
            change.accept(c);
        }
    }

    /** CDR_PROP(disable) and CDR_PROP(party_a), NoCDR(), ResetCDR(e); false when the channel has no records. */
    public boolean setProperty(Channel ch, CdrProperty property, boolean on) {
        lock.lock();
        try {
            CdrTracker.Track t = tracker.track(ch);
            if (t == null) return false;
            if (property == CdrProperty.PARTY_A) {
                if (on) t.partyAPreferred = true;
                return true;
            }
            for (ActiveCdr c : t.chain) if (!c.finalized()) c.disabled = on;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** ResetCDR(): start (and answer, when up) now, end cleared, variables wiped unless kept. */
    public boolean reset(Channel ch, boolean keepVariables) {
        lock.lock();
        try {
            CdrTracker.Track t = tracker.track(ch);
            if (t == null) return false;
            long now = CdrTimes.nowMicros();
            for (ActiveCdr c : t.chain) {
                if (!keepVariables) {
                    c.varsA.clear();
                    c.varsB.clear();
                }
                c.startMicros = now;
                c.endMicros = 0;
                c.answerMicros = 0;
                c.checkAnswer(now);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** ForkCDR(): a new record after the newest; false when there is none or the newest is already over. */
    public boolean fork(Channel ch, CdrFork options) {
        lock.lock();
        try {
            CdrTracker.Track t = tracker.track(ch);
            if (t == null || t.last().finalized()) return false;
            long now = CdrTimes.nowMicros();
            tracker.setNow(now);
            ActiveCdr fork = tracker.fork(t, options);
            return fork != null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        if (listening) pbx.events().unsubscribe(listener);
        listening = false;
        dispatcher.close();
    }

    static void warn(String message) { PbxLog.warning("cdr.c", message); }
}
