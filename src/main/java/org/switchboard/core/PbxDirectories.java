package org.switchboard.core;

import java.nio.file.Path;
import org.switchboard.config.ConfigSection;

/**
 * Where a PBX keeps what it writes, as asterisk.conf {@code [directories]} names it
 * ({@code astspooldir}, {@code astdbdir}, {@code astlogdir}; relative paths count from the config
 * directory); else the run folder: {@code $SWITCHBOARD_HOME/run} (set by bin/switchboard), else
 * {@code run/} inside the config directory. Null for a PBX without a config directory.
 */
public final class PbxDirectories {
    private PbxDirectories() {}

    /** @param key the asterisk.conf setting; @param fallback the folder under the run folder without it */
    public static Path dir(Pbx pbx, String key, String fallback) {
        Path conf = pbx.configDir();
        if (conf == null) return null;
        if (pbx.hasConfig("asterisk.conf")) {
            for (ConfigSection dirs : pbx.config("asterisk.conf").sections("directories")) {
                String dir = dirs.get(key);
                if (dir != null && !dir.isBlank()) return conf.resolve(dir.trim());
            }
        }
        String home = System.getenv("SWITCHBOARD_HOME");
        Path run = home != null && !home.isBlank() ? Path.of(home, "run") : conf.resolve("run");
        return fallback.isEmpty() ? run : run.resolve(fallback);
    }
}
