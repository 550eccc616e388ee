package org.switchboard.res.cel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.switchboard.config.ConfigReader;
import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.core.ModuleDeclinedException;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * Channel Event Logging (Asterisk's cel core with cel_manager): reads cel.conf, follows channel
 * events while {@code enable=yes}, and sends each record as a Manager {@code CEL} event when
 * {@code [manager] enabled=yes}. Without cel.conf CEL is off, as in Asterisk.
 */
public final class CelModule implements Module {
    private Pbx pbx;
    private CelManagerBackend manager;

    @Override public String name() { return "cel"; }
    @Override public String description() { return "Channel Event Logging"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.cliCommand(new CelShowStatusCommand());
        ctx.configValidator(this::check);
    }

    @Override
    public void load(ModuleContext ctx) throws ModuleDeclinedException {
        Pbx pbx = ctx.pbx();
        this.pbx = pbx;
        configure(pbx);
    }

    @Override
    public void reload(Pbx pbx) throws ModuleDeclinedException { configure(pbx); }

    @Override
    public void unload() {
        if (pbx == null) return;
        CelEngine engine = CelEngine.of(pbx);
        if (manager != null) engine.unregister(manager);
        manager = null;
        engine.configure(CelConfig.disabled());
    }

    public List<String> check(Path configDir) {
        if (configDir == null || !Files.isReadable(configDir.resolve(CelConfig.FILE))) return List.of();
        return CelConfig.from(ConfigReader.read(configDir, CelConfig.FILE)).problems();
    }

    private void configure(Pbx pbx) {
        CelConfig c = pbx.hasConfig(CelConfig.FILE) ? CelConfig.from(pbx.config(CelConfig.FILE)) : CelConfig.disabled();
        c.problems().forEach(p -> PbxLog.warning("cel.c", p));
        CelEngine engine = CelEngine.of(pbx);
        engine.configure(c);
        if (c.managerEnabled() && manager == null) {
            manager = new CelManagerBackend(pbx, engine);
            engine.register(manager);
        } else if (!c.managerEnabled() && manager != null) {
            engine.unregister(manager);
            manager = null;
        }
        PbxLog.verbose(2, "CEL logging " + (c.enabled() ? "enabled, tracking " + c.events().size() + " event types" : "disabled"));
    }
}
