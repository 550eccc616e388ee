package org.switchboard.res.cel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.config.ConfigSection;
import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.core.ModuleDeclinedException;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.res.cdr.CdrLocation;
import org.switchboard.res.pgsql.PgsqlConfig;
import org.switchboard.res.pgsql.PgsqlWriter;

/**
 * cel_pgsql: channel events into a PostgreSQL table, configured by cel_pgsql.conf
 * {@code [global]} (hostname, port, dbname, user, password, appname, table (cel), schema,
 * usegmtime, show_user_defined). The same writer as cdr_pgsql: its own thread, a bounded queue,
 * events kept in {@code <astlogdir>/cel-pgsql/} while the database is away and written in order,
 * once, when it is back — a database that is down never delays a call.
 */
public final class CelPgsqlBackend implements Module, CelEngine.Backend {
    private volatile PgsqlWriter<CelRecord> writer;
    private Pbx pbx;

    @Override public String name() { return "cel_pgsql"; }
    @Override public String description() { return "PostgreSQL CEL Backend"; }

    @Override
    public void register(ModuleContext ctx) {

    }

    @Override
    public void load(ModuleContext ctx) throws ModuleDeclinedException {
        Pbx pbx = ctx.pbx();
        this.pbx = pbx;
        writer = startWriter(pbx);
        CelEngine.of(pbx).register(this);
    }

    @Override
    public void reload(Pbx pbx) throws ModuleDeclinedException {
        PgsqlWriter<CelRecord> old = writer;
        if (old != null) old.close();   // what it holds goes to disk, and the new writer replays it
        writer = startWriter(pbx);
    }

    @Override
    public void unload() {
        if (pbx != null) CelEngine.of(pbx).unregister(this);
        PgsqlWriter<CelRecord> w = writer;
        writer = null;
        if (w != null) w.close();
    }

    private static PgsqlWriter<CelRecord> startWriter(Pbx pbx) throws ModuleDeclinedException {
        String file = PgsqlConfig.CEL.file();
        if (!pbx.hasConfig(file)) throw new ModuleDeclinedException("Unable to load config for PostgreSQL CEL's: " + file);
        List<String> notes = new ArrayList<>();
        PgsqlConfig config = PgsqlConfig.from(pbx.config(file), notes, PgsqlConfig.CEL);
        if (config == null) throw new ModuleDeclinedException("cel_pgsql configuration contains no global section, skipping module load.");
        notes.forEach(n -> PbxLog.warning("cel_pgsql.c", n));
        ConfigSection g = pbx.config(file).section("global");
        String schema = g.get("schema");
        if (schema != null && !schema.isBlank() && !config.table().contains(".")) {
            if (schema.trim().matches("[A-Za-z_][A-Za-z0-9_$]*")) {
                config = new PgsqlConfig(config.hostname(), config.port(), config.dbname(), config.user(), config.password(),
                        config.appname(), schema.trim() + "." + config.table(), config.encoding(), config.timezone());
            } else {
                PbxLog.warning("cel_pgsql.c", "CEL schema '" + schema + "' is not a schema name.  Using the default schema");
            }
        }
        Path logDir = CdrLocation.logDir(pbx);
        if (logDir == null) throw new ModuleDeclinedException("no directory to keep events in while the database is away");
        CelPgsqlRecords records = new CelPgsqlRecords(yes(g.get("usegmtime")), yes(g.get("show_user_defined")));
        PgsqlWriter<CelRecord> w = new PgsqlWriter<>(config, records, logDir.resolve("cel-pgsql"));
        w.start();
        return w;
    }

    private static boolean yes(String v) { return v != null && org.switchboard.config.AstTrue.isTrue(v); }

    @Override
    public void log(CelRecord r) {
        PgsqlWriter<CelRecord> w = writer;
        if (w != null) w.offer(r);
    }
}
