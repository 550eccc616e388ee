package org.switchboard.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where configuration files come from. Names are as written in {@code #include}: relative to the
 * config directory (never to the including file, as in Asterisk), or absolute.
 */
interface ConfigSource {

    /**
     * The files a name or glob pattern ({@code conf.d/*.conf}) stands for, sorted as glob(3) sorts
     * them, each named as {@link #read} and {@link #key} take it; empty when nothing matches. A plain
     * name that exists is returned even when it is not a regular file, so that reading it can say why
     * it fails; a pattern matches regular files only.
     */
    List<String> expand(String pattern);

    /** One identity per file, however it was named ({@code a/../x.conf} and {@code x.conf} agree). */
    String key(String name);

    /** The file's text. */
    String read(String name) throws IOException;

    /** True if the pattern has glob characters in it. */
    static boolean isGlob(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    /** Files under a directory on disk; {@code dir} null means no files at all. */
    static ConfigSource directory(Path dir) {
        return new DirectoryConfigSource(dir);
    }
}
