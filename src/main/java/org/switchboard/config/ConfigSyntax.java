package org.switchboard.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Tells an Asterisk config file from a file that only shares the {@code .conf} suffix: Asterisk's
 * own samples ship shell-style files (ast_debug_tools.conf for ast_coredumper, dbsep.conf for the
 * dbsep CGI) whose comments start with {@code #}, which Asterisk's parser would take for a broken
 * directive. Such a file opens with a {@code #} line that is no directive Asterisk knows.
 */
public final class ConfigSyntax {
    private static final List<String> DIRECTIVES = List.of("#include", "#tryinclude", "#exec");

    private ConfigSyntax() {}

    public static boolean isForeign(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return false; // the reader reports it
        }
        for (String line : lines) {
            String t = line.strip();
            if (t.isEmpty()) continue;
            if (!t.startsWith("#")) return false;
            String word = t.split("[\\s\"<]", 2)[0].toLowerCase(Locale.ROOT);
            return !DIRECTIVES.contains(word);
        }
        return false;
    }
}
