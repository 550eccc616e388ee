package org.switchboard.res.astdb;

import java.nio.file.Path;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxDirectories;

/**
 * Where a PBX keeps {@code astdb.sqlite3}: {@code [directories] astdbdir} of asterisk.conf, as
 * Asterisk reads it; else the run folder (see {@link PbxDirectories}). A PBX without a config
 * directory has none (its database lives in memory).
 */
public final class AstDbLocation {
    public static final String FILE_NAME = "astdb.sqlite3";

    private AstDbLocation() {}

    public static Path fileFor(Pbx pbx) {
        Path dir = PbxDirectories.dir(pbx, "astdbdir", "");
        return dir == null ? null : dir.resolve(FILE_NAME);
    }
}
