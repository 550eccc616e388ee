package org.switchboard.res.cdr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigSection;
import org.switchboard.core.Channel;
import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.core.ModuleDeclinedException;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * cdr_custom: lines of your own making. Each {@code file => template} of cdr_custom.conf
 * {@code [mappings]} appends the template, substituted against the record ({@code ${CDR(src)}},
 * {@code ${CSV_QUOTE(...)}} and any other function or variable, on a dummy channel that carries
 * the record, as Asterisk does), and a newline to {@code <astlogdir>/cdr-custom/file}, or to
 * {@code file} itself when it is an absolute path. Every other section is an advanced mapping
 * named after its file: a list of fields written as DSV or JSON ({@link CustomFormat}).
 */
public final class CustomBackend implements Module, CdrBackend {
    public static final String FILE = "cdr_custom.conf";

    /** One output file: a legacy template (substituted) or an advanced mapping (formatted). */
    private record Sink(Path file, String template, CustomFormat format) {}

    private volatile List<Sink> sinks = List.of();
    private Pbx pbx;

    @Override public String name() { return "cdr_custom"; }
    @Override public String backendName() { return "cdr-custom"; }
    @Override public String description() { return "Customizable Comma Separated Values CDR Backend"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.configValidator(this::check);
    }

    @Override
    public void load(ModuleContext ctx) throws ModuleDeclinedException {
        Pbx pbx = ctx.pbx();
        this.pbx = pbx;
        configure(pbx);
        CdrEngine.of(pbx).register(this);
    }

    @Override
    public void reload(Pbx pbx) throws ModuleDeclinedException { configure(pbx); }

    @Override
    public void unload() {
        if (pbx != null) CdrEngine.of(pbx).unregister(this);
    }

    /** {@code switchboard check}: advanced mappings Asterisk would refuse (unknown field, bad format). */
    public List<String> check(Path configDir) {
        if (configDir == null || !Files.isReadable(configDir.resolve(FILE))) return List.of();
        List<String> problems = new ArrayList<>();
        for (ConfigSection s : org.switchboard.config.ConfigReader.read(configDir, FILE).sections()) {
            if (s.name().equalsIgnoreCase("mappings")) continue;
            try {
                CustomFormat.parse(s);
            } catch (IllegalArgumentException e) {
                problems.add(s.file() + ":" + s.line() + ": [" + s.name() + "] " + e.getMessage());
            }
        }
        return problems;
    }

    private void configure(Pbx pbx) throws ModuleDeclinedException {
        if (!pbx.hasConfig(FILE)) {
            throw new ModuleDeclinedException("Unable to load " + FILE + ". Not logging custom CSV CDRs.");
        }
        Path logDir = CdrLocation.logDir(pbx);
        List<Sink> out = new ArrayList<>();
        Config conf = pbx.config(FILE);
        for (ConfigSection s : conf.sections()) {
            if (!s.name().equalsIgnoreCase("mappings")) {
                Path file = s.name().startsWith("/") ? Path.of(s.name()) : logDir == null ? null : logDir.resolve("cdr-custom").resolve(s.name());
                try {
                    CustomFormat f = CustomFormat.parse(s);
                    if (file != null) out.add(new Sink(file, null, f));
                } catch (IllegalArgumentException ex) {
                    PbxLog.warning("cdr_custom.c", FILE + "->" + s.name() + ": " + ex.getMessage());
                }
                continue;
            }
            for (ConfigEntry e : s.entries()) {
                String name = e.key().trim();
                if (name.isEmpty() || e.value().isEmpty()) {
                    PbxLog.notice("cdr_custom.c", "Mapping must have both a filename and a format at line " + e.line());
                    continue;
                }
                Path file = name.startsWith("/") ? Path.of(name) : logDir == null ? null : logDir.resolve("cdr-custom").resolve(name);
                if (file == null) continue;
                out.add(new Sink(file, e.value(), null));
            }
        }
        sinks = List.copyOf(out);
    }

    @Override
    public void log(CdrRecord r) {
        List<Sink> now = sinks;
        if (now.isEmpty()) return;
        Channel dummy = null;
        for (Sink s : now) {
            String line;
            if (s.format != null) {
                line = s.format.format(r) + "\n";
            } else {
                if (dummy == null) dummy = PostedRecord.channelFor(pbx, r);
                line = pbx.substitute(dummy, s.template) + "\n";
            }
            try {
                Files.createDirectories(s.file.getParent());
                Files.write(s.file, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                PbxLog.error("cdr_custom.c", "Unable to re-open master file " + s.file + " : " + e.getMessage());
            }
        }
    }
}
