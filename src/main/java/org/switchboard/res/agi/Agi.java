package org.switchboard.res.agi;

import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.core.Pbx;

/**
 * res_agi's state in one PBX: its settings, whether {@code agi set debug on} traces the
 * conversation, and counters. Owned by the Pbx (see {@link Pbx#service}), never shared.
 */
public final class Agi {
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

    void runStarted() { runs.incrementAndGet(); }
    void commandAnswered() { commands.incrementAndGet(); }
}
