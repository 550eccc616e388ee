package org.switchboard.config;

import java.nio.file.Path;

/**
 * Reads Asterisk {@code .conf} files unchanged: sections, templates, {@code (+)} appends, entries,
 * comments, {@code #include} / {@code #tryinclude} with globs. {@code #exec} is never run.
 * Bad content never throws: every problem is in {@link Config#problems()} as {@code file:line: message},
 * and reading goes on with the next line (where Asterisk would refuse the whole file).
 * The only I/O is reading the file asked for and the files it includes.
 */
public final class ConfigReader {

    private ConfigReader() {
    }

    /**
     * Reads {@code fileName} (relative to {@code configDir}, or absolute) and everything it includes.
     * A file that cannot be read gives a Config with no sections and the one problem
     * {@code fileName:0: cannot read fileName: reason}.
     */
    public static Config read(Path configDir, String fileName) {
        return new ConfigLoader(ConfigSource.directory(configDir)).load(fileName);
    }

    /**
     * Parses {@code text} as the contents of {@code fileName}; {@code #include}s are read relative to
     * {@code configDir} (null: there are no files to include, each #include is reported as missing).
     */
    public static Config parse(String fileName, String text, Path configDir) {
        return new ConfigLoader(ConfigSource.directory(configDir)).parse(fileName, text);
    }
}
