package org.switchboard.res.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigReader;
import org.switchboard.config.ConfigSection;

/**
 * Where the control socket of the PBX running on a config directory lives, so that
 * {@code switchboard -r} finds the {@code switchboard run} of the same directory:
 * {@code astrundir} of asterisk.conf's {@code [directories]} when set (as Asterisk puts
 * asterisk.ctl there), else a folder of the temp dir named after the directory's absolute path.
 */
public final class ControlSocket {
    public static final String FILE_NAME = "switchboard.ctl";

    private ControlSocket() {}

    public static Path forConfigDir(Path configDir) {
        Path abs = configDir.toAbsolutePath().normalize();
        String runDir = runDir(abs);
        if (runDir != null) return Path.of(runDir).resolve(FILE_NAME);
        String hash = String.format("%08x", abs.toString().hashCode());
        return Path.of(System.getProperty("java.io.tmpdir"), "switchboard-" + hash, FILE_NAME);
    }

    /** {@code [directories] astrundir} of asterisk.conf (the sample marks the section a template: it counts too). */
    private static String runDir(Path dir) {
        if (!Files.isReadable(dir.resolve("asterisk.conf"))) return null;
        Config conf = ConfigReader.read(dir, "asterisk.conf");
        String value = null;
        List<ConfigSection> sections = conf.sections("directories");
        for (ConfigSection s : sections) {
            String v = s.get("astrundir");
            if (v != null && !v.isBlank()) value = v.trim();
        }
        return value;
    }
}
