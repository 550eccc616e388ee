package org.switchboard.res.cdr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigReader;
import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * The CDR engine as a module ({@code cdr}, built into Asterisk's core): reads cdr.conf [general]
 * at load and reload and starts or stops the engine accordingly; its backends are modules of
 * their own (cdr_csv, cdr_custom, cdr_manager, cdr_pgsql).
 */
public final class CdrModule implements Module {
    private Pbx pbx;

    @Override public String name() { return "cdr"; }
    @Override public String description() { return "CDR Engine"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.cliCommand(new CdrShowStatusCommand());
        ctx.cliCommand(new CdrSubmitCommand());
        ctx.configValidator(this::check);
    }

    @Override
    public void load(ModuleContext ctx) {
        Pbx pbx = ctx.pbx();
        this.pbx = pbx;
        CdrEngine.of(pbx).configure(read(pbx));
    }

    @Override
    public void reload(Pbx pbx) { CdrEngine.of(pbx).configure(read(pbx)); }

    @Override
    public void unload() {
        if (pbx != null) CdrEngine.of(pbx).stop();
    }

    public List<String> check(Path configDir) {
        if (configDir == null || !Files.isReadable(configDir.resolve(CdrConfig.FILE))) return List.of();
        List<String> problems = new ArrayList<>();
        CdrConfig.from(ConfigReader.read(configDir, CdrConfig.FILE), problems);
        return problems;
    }

    private static CdrConfig read(Pbx pbx) {
        if (!pbx.hasConfig(CdrConfig.FILE)) {
            PbxLog.notice("cdr.c", "Unable to load " + CdrConfig.FILE + ". Using default configuration.");
            return CdrConfig.DEFAULTS;
        }
        Config conf = pbx.config(CdrConfig.FILE);
        List<String> problems = new ArrayList<>();
        CdrConfig c = CdrConfig.from(conf, problems);
        problems.forEach(p -> PbxLog.warning("cdr.c", p));
        if (!c.enabled()) PbxLog.verbose(2, "CDR logging disabled.");
        return c;
    }
}
