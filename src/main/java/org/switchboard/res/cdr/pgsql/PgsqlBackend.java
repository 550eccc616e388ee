package org.switchboard.res.cdr.pgsql;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.config.ConfigReader;
import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.core.ModuleDeclinedException;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.res.cdr.CdrBackend;
import org.switchboard.res.cdr.CdrEngine;
import org.switchboard.res.cdr.CdrLocation;
import org.switchboard.res.cdr.CdrRecord;
import org.switchboard.res.pgsql.PgsqlConfig;
import org.switchboard.res.pgsql.PgsqlWriter;

/**
 * cdr_pgsql: records into a PostgreSQL table, configured by cdr_pgsql.conf {@code [global]}
 * (hostname, port, dbname, user, password, appname, table, encoding, timezone). The table's
 * columns are read from the database when it connects, and each is filled as Asterisk's
 * cdr_pgsql fills it ({@link CdrPgsqlRecords}). Writing happens on the {@link PgsqlWriter}'s own thread;
 * records that cannot be written yet wait in {@code <astlogdir>/cdr-pgsql/} on disk. Loading
 * never waits for the database: one that is down at start is connected to when it comes up.
 */
public final class PgsqlBackend implements Module, CdrBackend {
    private volatile PgsqlWriter<CdrRecord> writer;
    private Pbx pbx;

    @Override public String name() { return "cdr_pgsql"; }
    @Override public String backendName() { return "pgsql"; }
    @Override public String description() { return "PostgreSQL CDR Backend"; }

    /** The running backend of a PBX, or null (for {@code cdr show pgsql status}). */
    static PgsqlBackend of(Pbx pbx) {
        for (CdrBackend b : CdrEngine.of(pbx).backends()) if (b instanceof PgsqlBackend p) return p;
        return null;
    }

    @Override
    public void register(ModuleContext ctx) {
        ctx.cliCommand(new PgsqlStatusCommand());
        ctx.configValidator(this::check);
    }

    @Override
    public void load(ModuleContext ctx) throws ModuleDeclinedException {
        Pbx pbx = ctx.pbx();
        this.pbx = pbx;
        writer = startWriter(pbx);
        CdrEngine.of(pbx).register(this);
    }

    @Override
    public void reload(Pbx pbx) throws ModuleDeclinedException {
        // one writer at a time on the spool: the old one puts what it holds on disk (and so does
        // anything posted meanwhile), then the new one replays it
        PgsqlWriter<CdrRecord> old = writer;
        if (old != null) old.close();
        writer = startWriter(pbx);
    }

    @Override
    public void unload() {
        if (pbx != null) CdrEngine.of(pbx).unregister(this);
        PgsqlWriter<CdrRecord> w = writer;
        writer = null;
        if (w != null) w.close();
    }

    public List<String> check(Path configDir) {
        if (configDir == null || !configDir.resolve(PgsqlConfig.FILE).toFile().canRead()) return List.of();
        List<String> notes = new ArrayList<>();
        PgsqlConfig.from(ConfigReader.read(configDir, PgsqlConfig.FILE), notes);
        return List.of();   // what cdr_pgsql assumes is a load-time warning, not a problem
    }

    private static PgsqlWriter<CdrRecord> startWriter(Pbx pbx) throws ModuleDeclinedException {
        if (!pbx.hasConfig(PgsqlConfig.FILE)) {
            throw new ModuleDeclinedException("Unable to load config for PostgreSQL CDR's: " + PgsqlConfig.FILE);
        }
        List<String> notes = new ArrayList<>();
        PgsqlConfig config = PgsqlConfig.from(pbx.config(PgsqlConfig.FILE), notes);
        if (config == null) {
            throw new ModuleDeclinedException("cdr_pgsql configuration contains no global section, skipping module load.");
        }
        notes.forEach(n -> PbxLog.warning("cdr_pgsql.c", n));
        Path logDir = CdrLocation.logDir(pbx);
        if (logDir == null) throw new ModuleDeclinedException("no directory to keep records in while the database is away");
        PgsqlWriter<CdrRecord> w = new PgsqlWriter<>(config, CdrPgsqlRecords.INSTANCE, logDir.resolve("cdr-pgsql"));
        w.start();
        return w;
    }

    PgsqlWriter<CdrRecord> writer() { return writer; }

    @Override
    public void log(CdrRecord record) {
        PgsqlWriter<CdrRecord> w = writer;
        if (w != null) w.offer(record);
    }
}
