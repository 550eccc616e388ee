package org.switchboard.res.cel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigSection;
import org.switchboard.core.AmaFlags;
import org.switchboard.core.Channel;
import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.core.ModuleDeclinedException;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.res.cdr.CdrLocation;

/**
 * cel_custom: each {@code file => template} of cel_custom.conf {@code [mappings]} appends the
 * template, substituted on a channel made from the record (as Asterisk fabricates one: its
 * name, caller ID, context, extension, application, account code, unique and linked ids, with
 * {@code ${eventtype}}, {@code ${eventtime}}, {@code ${eventextra}}, {@code ${userdeftype}} and
 * {@code ${BRIDGEPEER}} set), to {@code <astlogdir>/cel-custom/file}.
 */
public final class CelCustomBackend implements Module, CelEngine.Backend {
    public static final String FILE = "cel_custom.conf";

    private record Sink(Path file, String template) {}

    private volatile List<Sink> sinks = List.of();
    private Pbx pbx;

    @Override public String name() { return "cel_custom"; }
    @Override public String description() { return "Customizable Comma Separated Values CEL Backend"; }

    @Override
    public void register(ModuleContext ctx) {

    }

    @Override
    public void load(ModuleContext ctx) throws ModuleDeclinedException {
        Pbx pbx = ctx.pbx();
        this.pbx = pbx;
        configure(pbx);
        CelEngine.of(pbx).register(this);
    }

    @Override
    public void reload(Pbx pbx) throws ModuleDeclinedException { configure(pbx); }

    @Override
    public void unload() {
        if (pbx != null) CelEngine.of(pbx).unregister(this);
    }

    private void configure(Pbx pbx) throws ModuleDeclinedException {
        if (!pbx.hasConfig(FILE)) throw new ModuleDeclinedException("Unable to load " + FILE + ". Not logging custom CSV CEL records.");
        Path logDir = CdrLocation.logDir(pbx);
        List<Sink> out = new ArrayList<>();
        for (ConfigSection s : pbx.config(FILE).sections("mappings")) {
            for (ConfigEntry e : s.entries()) {
                String name = e.key().trim();
                if (name.isEmpty() || e.value().isEmpty()) {
                    PbxLog.warning("cel_custom.c", FILE + ":" + e.line() + ": a mapping needs both a file name and a format");
                    continue;
                }
                Path file = name.startsWith("/") ? Path.of(name) : logDir == null ? null : logDir.resolve("cel-custom").resolve(name);
                if (file != null) out.add(new Sink(file, e.value()));
            }
        }
        sinks = List.copyOf(out);
    }

    @Override
    public void log(CelRecord r) {
        List<Sink> now = sinks;
        if (now.isEmpty()) return;
        Channel c = pbx.snapshotChannel(r.channelName(), r.uniqueId(), r.application(), r.appData());
        c.callerId().setName(r.callerIdName());
        c.callerId().setNumber(r.callerIdNum());
        c.callerId().setAni(r.ani());
        c.callerId().setRdnis(r.rdnis());
        c.callerId().setDnid(r.dnid());
        c.setLocation(r.context(), r.exten(), 1);
        c.setAccountCode(r.accountCode());
        c.setAmaFlags(r.amaFlags());
        c.setLinkedId(r.linkedId());
        CelEngine engine = CelEngine.of(pbx);
        c.setVar("eventtype", r.eventName(engine.config().showUserDefined()));
        c.setVar("eventtime", engine.eventTime(r));
        c.setVar("eventextra", r.extra());
        c.setVar("userdeftype", r.userDefinedName() == null ? "" : r.userDefinedName());
        c.setVar("BRIDGEPEER", r.peer());
        c.setVar("amaflags", AmaFlags.name(r.amaFlags()));
        for (Sink s : now) {
            String line = pbx.substitute(c, s.template()) + "\n";
            try {
                Files.createDirectories(s.file().getParent());
                Files.write(s.file(), line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                PbxLog.limited(PbxLog.Level.ERROR, "cel_custom.c", s.file().toString(), "Unable to write " + s.file() + ": " + e.getMessage());
            }
        }
    }
}
