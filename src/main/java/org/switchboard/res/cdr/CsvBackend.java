package org.switchboard.res.cdr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.switchboard.config.ConfigSection;
import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.core.ModuleDeclinedException;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * cdr_csv: every record as a line of {@code <astlogdir>/cdr-csv/Master.csv}, and with
 * {@code accountlogs} (on by default) also of {@code <accountcode>.csv} beside it. Configured by
 * cdr.conf {@code [csv]} (usegmtime, loguniqueid, loguserfield, accountlogs, newcdrcolumns); with
 * no such section the module declines, as Asterisk's does. Each line is appended and flushed on its
 * own, so a line is never lost to a crash after the record was posted.
 */
public final class CsvBackend implements Module, CdrBackend {
    private record Settings(boolean gmt, boolean uniqueId, boolean userfield, boolean accountLogs, boolean newColumns) {}

    private volatile Settings settings;
    private volatile Path dir;
    private Pbx pbx;

    @Override public String name() { return "cdr_csv"; }
    @Override public String backendName() { return "csv"; }
    @Override public String description() { return "Comma Separated Values CDR Backend"; }

    @Override
    public void register(ModuleContext ctx) {

    }

    @Override
    public void load(ModuleContext ctx) throws ModuleDeclinedException {
        Pbx pbx = ctx.pbx();
        this.pbx = pbx;
        configure(pbx);
        CdrEngine.of(pbx).register(this);
    }

    @Override
    public void reload(Pbx pbx) throws ModuleDeclinedException {
        try {
            configure(pbx);
        } catch (ModuleDeclinedException e) {
            PbxLog.warning("cdr_csv.c", "No [csv] section in cdr.conf.  Unregistering backend.");
            CdrEngine.of(pbx).unregister(this);
            throw e;
        }
        CdrEngine.of(pbx).register(this);
    }

    @Override
    public void unload() {
        if (pbx != null) CdrEngine.of(pbx).unregister(this);
    }

    private void configure(Pbx pbx) throws ModuleDeclinedException {
        if (!pbx.hasConfig(CdrConfig.FILE)) {
            throw new ModuleDeclinedException("unable to load config: " + CdrConfig.FILE);
        }
        ConfigSection csv = pbx.config(CdrConfig.FILE).section("csv");
        if (csv == null) throw new ModuleDeclinedException("no [csv] section in " + CdrConfig.FILE);
        Path logDir = CdrLocation.logDir(pbx);
        if (logDir == null) throw new ModuleDeclinedException("no log directory");
        settings = new Settings(flag(csv, "usegmtime", false), flag(csv, "loguniqueid", false),
                flag(csv, "loguserfield", false), flag(csv, "accountlogs", true), flag(csv, "newcdrcolumns", false));
        dir = logDir.resolve("cdr-csv");
    }

    private static boolean flag(ConfigSection s, String key, boolean dflt) {
        String v = s.get(key);
        return v == null ? dflt : CdrConfig.isTrue(v);
    }

    @Override
    public void log(CdrRecord r) {
        Settings s = settings;
        String line = CsvLine.of(r, s.gmt, s.uniqueId, s.userfield, s.newColumns);
        if (line == null) {
            PbxLog.warning("cdr_csv.c", "Unable to create CSV record in " + CsvLine.BUFFER + " bytes.  CDR not recorded!");
            return;
        }
        Path master = dir.resolve("Master.csv");
        if (!append(master, line)) {
            PbxLog.warning("cdr_csv.c", "Unable to write CSV record to master '" + master + "'");
        }
        String acc = r.accountCode();
        if (s.accountLogs && !acc.isEmpty()) {
            if (acc.indexOf('/') >= 0 || acc.charAt(0) == '.') {
                PbxLog.warning("cdr_csv.c", "Account code '" + acc + "' insecure for writing file");
            } else if (!append(dir.resolve(acc + ".csv"), line)) {
                PbxLog.warning("cdr_csv.c", "Unable to write CSV record to account file '" + acc + "'");
            }
        }
    }

    private static boolean append(Path file, String line) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            return true;
        } catch (IOException e) {
            PbxLog.error("cdr_csv.c", "Unable to open file " + file + " : " + e.getMessage());
            return false;
        }
    }
}
