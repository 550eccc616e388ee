package org.switchboard.res.moh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigSection;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundFormat;
import org.switchboard.media.sound.SoundLibrary;

/**
 * The classes of musiconhold.conf, as Asterisk's res_musiconhold reads them: each section is a
 * class; {@code mode=files} (the default) plays every sound file of {@code directory=} (relative
 * to astdatadir, the folder above the sounds) in name order, {@code sort=random} shuffles them;
 * {@code mode=playlist} plays its {@code entry=} lines in order. Modes that run an external
 * program ({@code custom}, {@code mp3}, {@code quietmp3}, ...) are not carried: such a class is left
 * out with a warning naming its file:line. Re-read when the file changes.
 */
public final class MohClasses {
    /** One class: the files it plays, in order; {@code random} to shuffle them per hold. */
    public record MohClass(String name, List<Path> files, boolean random, String file, int line) {
        public MohClass {
            files = List.copyOf(files);
        }
    }

    private static final String SOURCE = "res_musiconhold.c";

    /** The classes a PBX read last, with the file's time then. */
    private static final class Cached {
        volatile long modified = -1;
        volatile MohClasses value;
    }

    private final Map<String, MohClass> classes;

    private MohClasses(Map<String, MohClass> classes) { this.classes = classes; }

    /** The classes of a PBX's musiconhold.conf; none when it has no such file. */
    public static MohClasses of(Pbx pbx) {
        long modified = modified(pbx);
        Cached c = pbx.service(Cached.class, p -> new Cached());
        MohClasses v = c.value;
        if (v != null && c.modified == modified) return v;
        Path dataDir = SoundLibrary.directoryFor(pbx).toAbsolutePath().getParent();
        v = modified == 0 ? new MohClasses(Map.of()) : parse(pbx.config("musiconhold.conf"), dataDir);
        c.value = v;
        c.modified = modified;
        return v;
    }

    /** The class named {@code name} (case-insensitive, as Asterisk's class lookup), or null. */
    public MohClass get(String name) { return name == null ? null : classes.get(name.toLowerCase(Locale.ROOT)); }

    public Map<String, MohClass> all() { return classes; }

    private static long modified(Pbx pbx) {
        if (!pbx.hasConfig("musiconhold.conf")) return 0;
        try {
            return Math.max(1, Files.getLastModifiedTime(pbx.configDir().resolve("musiconhold.conf")).toMillis());
        } catch (IOException e) {
            return 1;
        }
    }

    /** Reads the classes; what cannot be played is a warning with file:line, and that class is left out. */
    public static MohClasses parse(Config conf, Path dataDir) {
        conf.problems().forEach(p -> PbxLog.warning(SOURCE, p.toString()));
        Map<String, MohClass> out = new LinkedHashMap<>();
        for (ConfigSection s : conf.sections()) {
            if (s.isTemplate() || s.name().equalsIgnoreCase("general")) continue;
            String where = s.file() + ":" + s.line();
            String mode = s.get("mode", "files").trim().toLowerCase(Locale.ROOT);
            String sort = s.get("sort", s.get("random", "no").trim().equalsIgnoreCase("yes") ? "random" : "alpha")
                .trim().toLowerCase(Locale.ROOT);
            List<Path> files;
            switch (mode) {
                case "files" -> files = directoryFiles(s, dataDir);
                case "playlist" -> files = playlist(s, dataDir);
                default -> {
                    PbxLog.warning(SOURCE, where + ": class [" + s.name() + "] has mode=" + mode
                        + ", which is not carried here (files or playlist); the class is left out");
                    continue;
                }
            }
            if (files == null) continue;
            if (files.isEmpty()) {
                PbxLog.warning(SOURCE, where + ": class [" + s.name() + "] has no file it can play; it plays silence");
            }
            out.put(s.name().toLowerCase(Locale.ROOT), new MohClass(s.name(), files, sort.startsWith("rand"), s.file(), s.line()));
        }
        return new MohClasses(Collections.unmodifiableMap(out));
    }

    /** mode=files: every playable file of the folder, by name; null (after a warning) when there is no such folder. */
    private static List<Path> directoryFiles(ConfigSection s, Path dataDir) {
        String d = s.get("directory");
        if (d == null || d.isBlank()) {
            PbxLog.warning(SOURCE, s.file() + ":" + s.line() + ": class [" + s.name() + "] has no directory=; the class is left out");
            return null;
        }
        Path dir = dataDir.resolve(d.trim());
        if (!Files.isDirectory(dir)) {
            ConfigEntry e = entry(s, "directory");
            PbxLog.warning(SOURCE, e.file() + ":" + e.line() + ": class [" + s.name() + "]: " + dir
                + " is not a folder; the class is left out");
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> Files.isRegularFile(f) && format(f) != null).sorted().toList();
        } catch (IOException e) {
            PbxLog.warning(SOURCE, s.file() + ":" + s.line() + ": class [" + s.name() + "]: cannot list " + dir + ": " + e.getMessage());
            return null;
        }
    }

    /** mode=playlist: each entry= is a file, with or without its extension. */
    private static List<Path> playlist(ConfigSection s, Path dataDir) {
        List<Path> out = new ArrayList<>();
        for (ConfigEntry e : s.entries()) {
            if (!e.key().equalsIgnoreCase("entry")) continue;
            Path p = playable(dataDir.resolve(e.value().trim()));
            if (p == null) PbxLog.warning(SOURCE, e.file() + ":" + e.line() + ": no playable file " + e.value().trim() + "; skipped");
            else out.add(p);
        }
        return out;
    }

    private static Path playable(Path p) {
        if (Files.isRegularFile(p) && format(p) != null) return p;
        for (SoundFormat f : SoundFormat.values()) {
            Path q = p.resolveSibling(p.getFileName() + "." + f.extension());
            if (Files.isRegularFile(q)) return q;
        }
        return null;
    }

    /** The sound format a file's extension names, or null. */
    static SoundFormat format(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? null : SoundFormat.of(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static ConfigEntry entry(ConfigSection s, String key) {
        for (ConfigEntry e : s.entries()) if (e.key().equalsIgnoreCase(key)) return e;
        return new ConfigEntry(key, "", false, s.file(), s.line());
    }
}
