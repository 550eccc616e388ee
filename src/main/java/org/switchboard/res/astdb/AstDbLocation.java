package org.switchboard.res.astdb;

import java.nio.file.Path;
import org.switchboard.config.ConfigSection;
import org.switchboard.core.Pbx;

/**
 * Where a PBX keeps {@code astdb.sqlite3}: {@code [directories] astdbdir} of asterisk.conf, as
 * Asterisk reads it (relative paths from the config directory); else the run folder,
 * {@code $SWITCHBOARD_HOME/run} (set by bin/switchboard); else {@code run/} inside the config
 * directory. A PBX without a config directory has none (its database lives in memory).
 */
public final class AstDbLocation {
    public static final String FILE_NAME = "astdb.sqlite3";

    private AstDbLocation() {}

    public static Path fileFor(Pbx pbx) {
        Path conf = pbx.configDir();
        if (conf == null) return null;
        if (pbx.hasConfig("asterisk.conf")) {
            for (ConfigSection dirs : pbx.config("asterisk.conf").sections("directories")) {
                String dir = dirs.get("astdbdir");
                if (dir != null && !dir.isBlank()) return conf.resolve(dir.trim()).resolve(FILE_NAME);
            }
        }
        String home = System.getenv("SWITCHBOARD_HOME");
        if (home != null && !home.isBlank()) return Path.of(home, "run", FILE_NAME);
        return conf.resolve("run").resolve(FILE_NAME);
    }
}
