package org.switchboard.media.sound;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.config.ConfigSection;
import org.switchboard.core.Pbx;

/**
 * Finds prompts by name the way Asterisk's file.c does. A name such as {@code digits/1} is looked
 * up as {@code <sounds>/<language>/digits/1.<ext>}, then under {@code en}, then as
 * {@code <sounds>/digits/1.<ext>}; an absolute name ({@code /tmp/msg}) only where it says. The
 * extensions are tried in {@link SoundFormat} order; a name that already ends in a known extension
 * is also taken as it is.
 *
 * <p>The sounds folder is {@code <astdatadir>/sounds} when asterisk.conf says
 * {@code [directories] astdatadir => ...} (as in Asterisk), else {@code $SWITCHBOARD_HOME/sounds}
 * (set by bin/switchboard), else {@code <configDir>/../sounds}, else {@code ./sounds}.
 */
public final class SoundLibrary {
    /** A prompt found on disk; {@link #display()} is how Asterisk names it in its log. */
    public record Sound(String name, String language, Path path, SoundFormat format) {
        public String display() { return name + "." + format.extension(); }
    }

    /** Decoded prompts are kept while their file is unchanged; files larger than this are read each time. */
    private static final long CACHE_MAX_BYTES = 1 << 20;
    private static final int CACHE_MAX_FILES = 1024;

    private record Cached(FileTime modified, long size, SoundFile file) {}

    private final Path directory;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    public SoundLibrary(Path directory) { this.directory = directory.toAbsolutePath().normalize(); }

    /** The library of a running PBX (its sounds folder is decided once). */
    public static SoundLibrary of(Pbx pbx) {
        return pbx.service(SoundLibrary.class, p -> new SoundLibrary(directoryFor(p)));
    }

    /** Where a PBX keeps its sounds (see the class comment for the order). */
    public static Path directoryFor(Pbx pbx) {
        Path conf = pbx.configDir();
        if (conf != null && pbx.hasConfig("asterisk.conf")) {
            ConfigSection dirs = pbx.config("asterisk.conf").section("directories");
            String data = dirs == null ? null : dirs.get("astdatadir");
            if (data != null && !data.isBlank()) return conf.resolve(data.trim()).resolve("sounds");
        }
        String home = System.getenv("SWITCHBOARD_HOME");
        if (home != null && !home.isBlank()) return Path.of(home, "sounds");
        if (conf != null) return conf.toAbsolutePath().getParent().resolve("sounds");
        return Path.of("sounds");
    }

    public Path directory() { return directory; }

    /** The prompt in the best format found, or empty when it exists in none. */
    public Optional<Sound> find(String name, String language) {
        if (name == null || name.isBlank()) return Optional.empty();
        String lang = language == null || language.isBlank() ? "en" : language;
        for (Path base : candidates(name, lang)) {
            String file = base.getFileName().toString();
            int dot = file.lastIndexOf('.');
            SoundFormat own = dot > 0 ? SoundFormat.of(file.substring(dot + 1)) : null;
            if (own != null && Files.isRegularFile(base)) {
                return Optional.of(new Sound(name.substring(0, name.length() - file.length() + dot), lang, base, own));
            }
            for (SoundFormat f : SoundFormat.values()) {
                Path p = base.resolveSibling(file + "." + f.extension());
                if (Files.isRegularFile(p)) return Optional.of(new Sound(name, lang, p, f));
            }
        }
        return Optional.empty();
    }

    public boolean exists(String name, String language) { return find(name, language).isPresent(); }

    /** The audio of a prompt found by {@link #find}; small files are decoded once and kept until they change. */
    public SoundFile load(Sound sound) throws IOException {
        Path p = sound.path();
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        Cached c = cache.get(p);
        if (c != null && c.modified().equals(a.lastModifiedTime()) && c.size() == a.size()) return c.file();
        SoundFile f = SoundFile.read(p, sound.format());
        if (a.size() <= CACHE_MAX_BYTES) {
            if (cache.size() >= CACHE_MAX_FILES) cache.clear();
            cache.put(p, new Cached(a.lastModifiedTime(), a.size(), f));
        }
        return f;
    }

    /** Where a recording named {@code name} goes: an absolute name as it is, else under the sounds folder. */
    public Path resolveForWriting(String name, SoundFormat format) {
        Path p = name.startsWith("/") ? Path.of(name) : directory.resolve(name);
        return p.resolveSibling(p.getFileName() + "." + format.extension());
    }

    private List<Path> candidates(String name, String lang) {
        List<Path> out = new ArrayList<>(3);
        if (name.startsWith("/")) {
            out.add(Path.of(name));
            return out;
        }
        out.add(directory.resolve(lang).resolve(name));
        if (!lang.equals("en")) out.add(directory.resolve("en").resolve(name));
        out.add(directory.resolve(name));
        return out;
    }
}
