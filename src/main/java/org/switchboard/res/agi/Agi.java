package org.switchboard.res.agi;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.core.Pbx;

/**
 * res_agi's state in one PBX: its settings, whether {@code agi set debug on} traces the
 * conversation, the threads that read programs' output, and counters. Owned by the Pbx (see
 * {@link Pbx#service}), never shared; closed with it.
 */
public final class Agi implements AutoCloseable {
    /**
     * Platform threads, kept for reuse (a minute idle), read what programs send: a blocking read
     * there wakes the channel's thread in one hop, about twice the round trips of a virtual
     * thread reading through the JDK's poller (FastAgiBench), and reuse keeps call setup cheap.
     */
    private final ExecutorService readers = Executors.newCachedThreadPool(org.switchboard.core.PbxLog.threadFactory(r -> {
        Thread t = new Thread(r, "agi-reader");   // writes to the log of the PBX that loads res_agi
        t.setDaemon(true);
        return t;
    }));
    private volatile AgiSettings settings;
    private volatile boolean debug;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();

    private Agi(Pbx pbx) { settings = AgiSettings.read(pbx); }

    public static Agi of(Pbx pbx) { return pbx.service(Agi.class, Agi::new); }

    public AgiSettings settings() { return settings; }
    public void setSettings(AgiSettings s) { settings = s; }
    public boolean debug() { return debug; }
    public void setDebug(boolean on) { debug = on; }
    /** AGI runs started since boot. */
    public long runs() { return runs.get(); }
    /** AGI commands answered since boot. */
    public long commands() { return commands.get(); }

    /** Where peers run their readers. */
    Executor readers() { return readers; }

    /** Lets idle reader threads go; busy ones end when their program's stream closes. */
    @Override
    public void close() { readers.shutdown(); }

    void runStarted() { runs.incrementAndGet(); }
    void commandAnswered() { commands.incrementAndGet(); }
}
