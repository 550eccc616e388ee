package org.switchboard.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/** {@link ConfigSource} over a directory on disk (Asterisk's astetcdir). */
final class DirectoryConfigSource implements ConfigSource {
    private final Path dir;

    DirectoryConfigSource(Path dir) {
        this.dir = dir == null ? null : dir.toAbsolutePath().normalize();
    }

    @Override
    public List<String> expand(String pattern) {
        if (dir == null && !pattern.startsWith("/")) {
            return List.of();
        }
        if (!ConfigSource.isGlob(pattern)) {
            Path p = resolve(pattern);
            return Files.exists(p) ? List.of(display(p)) : List.of();
        }
        List<Path> current = new ArrayList<>();
        current.add(pattern.startsWith("/") ? Path.of("/") : dir);
        for (String part : pattern.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            List<Path> next = new ArrayList<>();
            for (Path base : current) {
                if (!ConfigSource.isGlob(part)) {
                    next.add(base.resolve(part));
                } else {
                    matchIn(base, part, next);
                }
            }
            current = next;
        }
        List<String> names = new ArrayList<>();
        for (Path p : current) {
            if (Files.isRegularFile(p)) {
                names.add(display(p.normalize()));
            }
        }
        names.sort(null);
        return names;
    }

    /** Adds the entries of {@code base} whose names match one glob component; dot files only by a dot. */
    private static void matchIn(Path base, String part, List<Path> out) {
        if (!Files.isDirectory(base)) {
            return;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + part);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base)) {
            for (Path entry : entries) {
                Path name = entry.getFileName();
                if (name.toString().startsWith(".") && !part.startsWith(".")) {
                    continue;
                }
                if (matcher.matches(name)) {
                    out.add(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable directory matches nothing, as glob(3) without GLOB_ERR
        }
    }

    @Override
    public String key(String name) {
        return dir == null && !name.startsWith("/") ? name : resolve(name).toString();
    }

    @Override
    public String read(String name) throws IOException {
        if (dir == null && !name.startsWith("/")) {
            throw new NoSuchFileException(name);
        }
        return decode(Files.readAllBytes(resolve(name)));
    }

    private Path resolve(String name) {
        return (dir == null ? Path.of("/") : dir).resolve(name).normalize();
    }

    /** Relative to the config directory when inside it, else absolute; always with '/'. */
    private String display(Path p) {
        if (dir != null && p.startsWith(dir)) {
            return dir.relativize(p).toString().replace('\\', '/');
        }
        return p.toString();
    }

    /** UTF-8 when the bytes are valid UTF-8, else ISO-8859-1 (older configs), never failing. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
