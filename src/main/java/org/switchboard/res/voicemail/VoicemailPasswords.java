package org.switchboard.res.voicemail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigReader;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * A mailbox's PIN, where app_voicemail keeps it: the first field of its voicemail.conf line, or
 * with {@code passwordlocation=spooldir} {@code secret.conf} in the box's folder. A change
 * (VoiceMailMain's mailbox options, 5) rewrites only that field of that one line — the rest of the
 * file, its comments and its other lines stay byte for byte — and voicemail.conf is read again so
 * the new PIN counts at once, as vm_change_password and reset_user_pw do.
 */
public final class VoicemailPasswords {
    /** {@code box => pin,...} or {@code box = pin,...}: group 1 is everything up to the PIN, group 2 the PIN. */
    private static final Pattern LINE = Pattern.compile("^(\\s*[^=;]+?\\s*=>?\\s*)([^,;]*)");

    private VoicemailPasswords() {}

    /** The PIN a caller must enter for {@code m}. */
    public static String pin(Pbx pbx, Mailbox m) {
        if ("spooldir".equalsIgnoreCase(m.option("passwordlocation", ""))) {
            Path secret = VoicemailSpool.of(pbx).box(m).resolve("secret.conf");
            try {
                for (String line : Files.readAllLines(secret, StandardCharsets.UTF_8)) {
                    String l = line.strip();
                    if (l.startsWith("password")) return l.substring(l.indexOf('=') + 1).replace(">", "").strip();
                }
            } catch (IOException | RuntimeException absent) {
                // no secret.conf yet: the voicemail.conf PIN
            }
        }
        return m.pin();
    }

    /** Sets a new PIN; returns false (after a warning) when it could not be written. */
    public static boolean change(Pbx pbx, Mailbox m, String pin) {
        try {
            if ("spooldir".equalsIgnoreCase(m.option("passwordlocation", ""))) {
                Path dir = Files.createDirectories(VoicemailSpool.of(pbx).box(m));
                write(dir.resolve("secret.conf"), ("[general]\npassword=" + pin + "\n").getBytes(StandardCharsets.UTF_8));
            } else {
                rewriteConf(pbx, m, pin);
            }
        } catch (IOException | RuntimeException e) {
            PbxLog.warning(VoicemailSpool.SOURCE, "Could not change the password of " + m.id() + ": " + e.getMessage());
            return false;
        }
        VoicemailConfig.reload(pbx);
        PbxLog.notice(VoicemailSpool.SOURCE, "Password for " + m.id() + " changed");
        return true;
    }

    private static void rewriteConf(Pbx pbx, Mailbox m, String pin) throws IOException {
        // where the line is now (the file may have been edited since it was loaded)
        VoicemailConfig now = VoicemailConfig.from(ConfigReader.read(pbx.configDir(), VoicemailConfig.FILE));
        Mailbox current = now.mailbox(m.box(), m.context());
        ConfigEntry e = current == null ? null : now.source(current);
        if (e == null) throw new IOException("We could not find the mailbox in " + VoicemailConfig.FILE);
        Path file = pbx.configDir().resolve(e.file());
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1); // bytes kept as they are
        List<String> lines = List.of(text.split("(?<=\n)", -1));
        if (e.line() < 1 || e.line() > lines.size()) throw new IOException(e.file() + ":" + e.line() + " is gone");
        String line = lines.get(e.line() - 1);
        Matcher mm = LINE.matcher(line);
        if (!mm.find() || !mm.group(1).strip().replaceFirst("\\s*=>?$", "").equals(e.key())) {
            throw new IOException(e.file() + ":" + e.line() + " does not hold mailbox " + m.box());
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(i == e.line() - 1 ? mm.group(1) + pin + line.substring(mm.end()) : lines.get(i));
        }
        write(file, out.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Written aside and renamed over, so a crash leaves the old file or the new one. */
    private static void write(Path file, byte[] data) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        Files.write(tmp, data);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
