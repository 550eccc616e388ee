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
    private static final Pattern MESSAGE = Pattern.compile("msg(\\d{4})\\..+");

    private final Path root;

    public VoicemailSpool(Path root) { this.root = root; }

    /** {@code <astspooldir>/voicemail} of this PBX. */
    public static VoicemailSpool of(Pbx pbx) {
        Path spool = PbxDirectories.dir(pbx, "astspooldir", "spool");
        if (spool == null) spool = Path.of(System.getProperty("java.io.tmpdir"), "switchboard-spool");
        return new VoicemailSpool(spool.resolve("voicemail"));
    }

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
        Path inbox = Files.createDirectories(folder(m, "INBOX"));
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
