package org.switchboard.res.cdr;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigSection;
import org.switchboard.core.AmaFlags;
import org.switchboard.core.Channel;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.core.ModuleDeclinedException;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * cdr_manager: every record as a Manager {@code Cdr} event (class {@code cdr}) with Asterisk's
 * fields, when cdr_manager.conf {@code [general]} says {@code enabled = yes}; {@code [mappings]}
 * lines {@code name => Label} add {@code Label: ${CDR(name)}} fields. Registered but suspended
 * while not enabled, as Asterisk's.
 */
public final class ManagerBackend implements Module, CdrBackend {
    public static final String FILE = "cdr_manager.conf";

    private record Mapping(String variable, String label) {}

    private volatile boolean enabled;
    private volatile List<Mapping> mappings = List.of();
    private Pbx pbx;

    @Override public String name() { return "cdr_manager"; }
    @Override public String backendName() { return "cdr_manager"; }
    @Override public String description() { return "Asterisk Manager Interface CDR Backend"; }
    @Override public boolean suspended() { return !enabled; }

    @Override
    public void register(ModuleContext ctx) {

    }

    @Override
    public void load(ModuleContext ctx) throws ModuleDeclinedException {
        Pbx pbx = ctx.pbx();
        this.pbx = pbx;
        if (!pbx.hasConfig(FILE)) throw new ModuleDeclinedException("Failed to load " + FILE + ". Module not activated.");
        configure(pbx);
        CdrEngine.of(pbx).register(this);
    }

    @Override
    public void reload(Pbx pbx) { configure(pbx); }

    @Override
    public void unload() {
        if (pbx != null) CdrEngine.of(pbx).unregister(this);
    }

    private boolean configure(Pbx pbx) {
        if (!pbx.hasConfig(FILE)) {
            PbxLog.warning("cdr_manager.c", "Failed to load configuration file. Module not activated.");
            enabled = false;
            return false;
        }
        Config conf = pbx.config(FILE);
        boolean on = false;
        List<Mapping> maps = new ArrayList<>();
        for (ConfigSection s : conf.sections()) {
            if (s.name().equalsIgnoreCase("general")) {
                String v = s.get("enabled");
                if (v != null) on = CdrConfig.isTrue(v);
            } else if (s.name().equalsIgnoreCase("mappings")) {
                for (ConfigEntry e : s.entries()) {
                    if (e.key().isBlank() || e.value().isBlank()) continue;
                    maps.add(new Mapping(e.key().trim(), e.value().trim()));
                    PbxLog.notice("cdr_manager.c", "Added mapping " + e.value().trim() + ": ${CDR(" + e.key().trim() + ")}");
                }
            }
        }
        mappings = List.copyOf(maps);
        enabled = on;
        return true;
    }

    @Override
    public void log(CdrRecord r) {
        if (!enabled) return;
        ManagerEvent.Builder b = ManagerEvent.of("Cdr", "cdr")
                .put("AccountCode", r.accountCode())
                .put("Source", r.src())
                .put("Destination", r.dst())
                .put("DestinationContext", r.dcontext())
                .put("CallerID", r.clid())
                .put("Channel", r.channel())
                .put("DestinationChannel", r.dstChannel())
                .put("LastApplication", r.lastApp())
                .put("LastData", r.lastData())
                .put("StartTime", CdrTimes.localDate(r.startMicros()))
                .put("AnswerTime", CdrTimes.localDate(r.answerMicros()))
                .put("EndTime", CdrTimes.localDate(r.endMicros()))
                .put("Duration", r.duration())
                .put("BillableSeconds", r.billsec())
                .put("Disposition", r.disposition().text())
                .put("AMAFlags", AmaFlags.name(r.amaFlags()))
                .put("UniqueID", r.uniqueId())
                .put("UserField", r.userfield());
        List<Mapping> maps = mappings;
        if (!maps.isEmpty()) {
            Channel dummy = PostedRecord.channelFor(pbx, r);
            for (Mapping m : maps) b.put(m.label(), pbx.substitute(dummy, "${CDR(" + m.variable() + ")}"));
        }
        pbx.events().publish(b.build());
    }
}
