package org.switchboard.res.agi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** The Python AGI scripts of src/test/resources/agi, copied into a folder where they may run (or not). */
final class AgiScripts {
    private AgiScripts() {}

    /** Copies {@code name} (and the agi.py helper it imports) into {@code dir}, executable when asked. */
    static Path install(Path dir, String name, boolean executable) {
        try {
            copy(dir, "agi.py", false);
            return copy(dir, name, executable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copy(Path dir, String name, boolean executable) throws IOException {
        Path to = dir.resolve(name);
        try (InputStream in = AgiScripts.class.getResourceAsStream("/agi/" + name)) {
            if (in == null) throw new IOException("no test resource agi/" + name);
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        return to;
    }
}
