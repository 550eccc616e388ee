package org.switchboard.res.voicemail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxDirectories;

/**
 * Messages on disk in Asterisk's spool layout, so a mailbox copied from an Asterisk server plays
 * here and one written here plays there: {@code <astspooldir>/voicemail/<context>/<box>/INBOX/
 * msg0000.wav} + {@code msg0000.txt} ({@code [message]} keys), {@code Old/}, and the greetings
 * {@code unavail}, {@code busy}, {@code greet} (the name) and {@code temp} in the box folder.
 *
 * <p>Nothing is lost or half written: a recording is made under {@code tmp/} and linked into the
 * folder under the first free number only when complete (a hard link fails if the name is taken,
 * so two callers leaving messages at once both keep theirs), the {@code .txt} after the audio
 * (written aside and renamed).
 */
public final class VoicemailSpool {
    static final String SOURCE = "app_voicemail.c";
    private static final Pattern MESSAGE = Pattern.compile("msg(\\d{4})\\..+");

    private final Path root;

    public VoicemailSpool(Path root) { this.root = root; }

    /** {@code <astspooldir>/voicemail} of this PBX. */
    public static VoicemailSpool of(Pbx pbx) {
        Path spool = PbxDirectories.dir(pbx, "astspooldir", "spool");
        if (spool == null) spool = Path.of(System.getProperty("java.io.tmpdir"), "switchboard-spool");
        return new VoicemailSpool(spool.resolve("voicemail"));
    }

    /** {@code <astspooldir>/voicemail}. */
    public Path root() { return root; }

    public Path box(Mailbox m) { return root.resolve(m.context()).resolve(m.box()); }

    public Path folder(Mailbox m, String folder) { return box(m).resolve(folder); }

    /** Messages in a folder (INBOX, Old, ...), counted by their .txt files. */
    public int count(Mailbox m, String folder) {
        Path dir = folder(m, folder);
        if (!Files.isDirectory(dir)) return 0;
        int n = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "msg????.txt")) {
            for (Path ignored : s) n++;
        } catch (IOException e) {
            return 0;
        }
        return n;
    }

    /** A new file under the box's tmp/ for a recording in progress. */
    public Path recordingFile(Mailbox m, String extension) throws IOException {
        Path tmp = Files.createDirectories(box(m).resolve("tmp"));
        return Files.createTempFile(tmp, "rec", "." + extension);
    }

    /**
     * Moves a finished recording into INBOX under the first free number above the highest there,
     * then writes its {@code .txt}; returns the message's path without extension.
     */
    public Path deliver(Mailbox m, Path recording, String extension, Map<String, String> info) throws IOException {
        return deliver(m, recording, extension, info, "INBOX");
    }

    /** As {@link #deliver(Mailbox, Path, String, Map)}, into {@code folder} (Urgent for an urgent message). */
    public Path deliver(Mailbox m, Path recording, String extension, Map<String, String> info, String folder) throws IOException {
        Path inbox = Files.createDirectories(folder(m, folder));
        for (int n = highest(inbox) + 1; ; n++) {
            String base = String.format("msg%04d", n);
            try {
                // link(2) fails when the name exists, where rename(2) would silently replace it:
                // the number is ours only if the link succeeds
                Files.createLink(inbox.resolve(base + "." + extension), recording);
            } catch (FileAlreadyExistsException taken) {
                continue; // another caller got this number first
            }
            Files.delete(recording);
            writeInfo(inbox.resolve(base + ".txt"), info);
            return inbox.resolve(base);
        }
    }

    /**
     * Copies (or moves) a message, every file of it, into another folder of the box under the
     * first free number there: the audio claims the number (by link, as {@link #deliver}), the
     * {@code .txt} comes last. Returns the new message's path without extension.
     */
    public Path transfer(Mailbox m, Path base, String folder, boolean move) throws IOException {
        return transfer(base, Files.createDirectories(folder(m, folder)), move);
    }

    /** Copies a message into another box's folder (VoiceMailMain's forward), the .txt last; returns the copy. */
    public Path transferTo(Path base, Mailbox to, String folder) throws IOException {
        return transfer(base, Files.createDirectories(folder(to, folder)), false);
    }

    /** The audio file's extension of a message ({@code wav}, {@code WAV}, ...), or null without one. */
    public static String audioExtension(Path base) throws IOException {
        java.util.List<Path> files = files(base);
        if (files.isEmpty() || files.get(0).getFileName().toString().endsWith(".txt")) return null;
        return ext(files.get(0)).substring(1);
    }

    private static Path transfer(Path base, Path dir, boolean move) throws IOException {
        java.util.List<Path> files = files(base);
        if (files.isEmpty()) throw new java.nio.file.NoSuchFileException(base + ".*");
        Path first = files.get(0);
        for (int n = highest(dir) + 1; ; n++) {
            String to = String.format("msg%04d", n);
            try {
                Files.createLink(dir.resolve(to + ext(first)), first);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            for (Path f : files.subList(1, files.size())) {
                Files.copy(f, dir.resolve(to + ext(f)), StandardCopyOption.REPLACE_EXISTING);
            }
            if (move) delete(base);
            return dir.resolve(to);
        }
    }

    /** Renames a message to another number in the same folder (close_mailbox's renumbering), .txt last. */
    public static void renumber(Path base, Path to) throws IOException {
        for (Path f : files(base)) Files.move(f, to.resolveSibling(to.getFileName() + ext(f)), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Removes every file of a message, the {@code .txt} first so that it no longer counts. */
    public static void delete(Path base) throws IOException {
        java.util.List<Path> files = files(base);
        java.util.Collections.reverse(files);
        for (Path f : files) Files.deleteIfExists(f);
    }

    /** The files of one message ({@code msg0003.wav}, {@code msg0003.WAV}, ...), audio first, {@code .txt} last. */
    static java.util.List<Path> files(Path base) throws IOException {
        java.util.List<Path> out = new java.util.ArrayList<>();
        Path txt = null;
        if (!Files.isDirectory(base.getParent())) return out;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(base.getParent(), base.getFileName() + ".*")) {
            for (Path p : s) {
                if (p.getFileName().toString().endsWith(".txt")) txt = p;
                else out.add(p);
            }
        }
        out.sort(null);
        if (txt != null) out.add(txt);
        return out;
    }

    private static String ext(Path f) {
        String n = f.getFileName().toString();
        return n.substring(n.indexOf('.'));
    }

    /** The messages of a folder in number order, each as its path without extension (those with a .txt). */
    public java.util.List<Path> messages(Mailbox m, String folder) {
        Path dir = folder(m, folder);
        java.util.List<Path> out = new java.util.ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "msg????.txt")) {
            for (Path p : s) out.add(p.resolveSibling(p.getFileName().toString().substring(0, 7)));
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    /** The {@code [message]} keys of a message's .txt; empty when it cannot be read (removed meanwhile). */
    public static Map<String, String> info(Path base) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(base.resolveSibling(base.getFileName() + ".txt"), StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (line.startsWith(";") || eq < 0) continue;
                out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return out;
    }

    /** The highest message number in a folder, by audio or .txt, or -1. */
    private static int highest(Path dir) throws IOException {
        int max = -1;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "msg????.*")) {
            for (Path p : s) {
                Matcher mm = MESSAGE.matcher(p.getFileName().toString());
                if (mm.matches()) max = Math.max(max, Integer.parseInt(mm.group(1)));
            }
        }
        return max;
    }

    private static void writeInfo(Path txt, Map<String, String> info) throws IOException {
        StringBuilder sb = new StringBuilder(";\n; Message Information file\n;\n[message]\n");
        info.forEach((k, v) -> sb.append(k).append('=').append(v == null ? "" : v).append('\n'));
        Path tmp = Files.createTempFile(txt.getParent(), ".msg", ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        Files.move(tmp, txt, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A greeting recorded in the box ({@code unavail}, {@code busy}, {@code greet}, {@code temp}), as a name to play, or null. */
    public String greeting(Mailbox m, String which) {
        Path base = box(m).resolve(which);
        for (String ext : new String[] {"wav", "WAV", "sln", "ulaw", "alaw", "gsm"}) {
            if (Files.isRegularFile(base.resolveSibling(which + "." + ext))) return base.toString();
        }
        return null;
    }
}
