package org.switchboard.res.cdr;

import java.nio.file.Path;
import org.switchboard.config.ConfigSection;
import org.switchboard.core.Pbx;

/**
 * Where a PBX writes its logs, and so its call records ({@code cdr-csv/}, {@code cdr-custom/}):
 * {@code [directories] astlogdir} of asterisk.conf, as Asterisk reads it (a relative path counts
 * from the config directory); else the run folder, {@code $SWITCHBOARD_HOME/run} (set by
 * bin/switchboard); else {@code run/} inside the config directory. The AstDB file is found the
 * same way (AstDbLocation). Null for a PBX without a config directory.
 */
public final class CdrLocation {
    private CdrLocation() {}

    public static Path logDir(Pbx pbx) {
        Path conf = pbx.configDir();
        if (conf == null) return null;
        if (pbx.hasConfig("asterisk.conf")) {
            for (ConfigSection dirs : pbx.config("asterisk.conf").sections("directories")) {
                String dir = dirs.get("astlogdir");
                if (dir != null && !dir.isBlank()) return conf.resolve(dir.trim());
            }
        }
        String home = System.getenv("SWITCHBOARD_HOME");
        if (home != null && !home.isBlank()) return Path.of(home, "run");
        return conf.resolve("run");
    }
}
