package org.switchboard.res.voicemail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * Hands a new message's mail to {@code mailcmd} (default {@code /usr/sbin/sendmail -t}), run by
 * {@code /bin/sh -c} with the mail on its standard input, as app_voicemail's sendmail does. It runs
 * on a thread of its own, so neither the caller nor the PBX waits for it; a command that fails,
 * cannot start or hangs (killed after {@value #TIMEOUT_SECONDS} s) is one log line, and the
 * message stays in the box either way.
 */
public final class VoicemailMailer {
    static final int TIMEOUT_SECONDS = 60;

    private VoicemailMailer() {}

    /**
     * Mails {@code box}'s owner about the message at {@code base} (no extension) when the box has
     * an email address, and their pager when it has a pager address. With {@code delete=yes} the
     * message is then removed from the box (app_voicemail's VM_DELETE: for owners who want their
     * voicemail only by mail), whether or not the mail went out, and the lamp updated.
     */
    public static void notify(Pbx pbx, Mailbox box, Path base, String extension, Map<String, String> info) {
        boolean email = box.email() != null && !box.email().isBlank(), pager = box.pager() != null && !box.pager().isBlank();
        boolean delete = box.flag("delete", false);
        if (!email && !pager && !delete) return;
        Thread.ofVirtual().name("vm-mail-" + box.id()).start(org.switchboard.core.PbxLog.carried(() -> {
            if (email) send(box, base, extension, info, false);
            if (pager) send(box, base, extension, info, true);
            if (delete) {
                try {
                    VoicemailSpool.delete(base);
                    PbxLog.verbose(3, "Removed " + base + " after notification (delete=yes in " + box.id() + ")");
                } catch (IOException e) {
                    PbxLog.warning(VoicemailSpool.SOURCE, "Could not remove " + base + " (delete=yes): " + e.getMessage());
                }
                MessageWaiting.publish(pbx, box);
            }
        }));
    }

    static void send(Mailbox box, Path base, String extension, Map<String, String> info, boolean pager) {
        String cmd = box.option("mailcmd", VoicemailUserFields.MAILCMD);
        try {
            extension = attachmentExtension(box, base, extension);
            String name = base.getFileName() + "." + extension;
            byte[] audio = !pager && box.flag("attach", false) ? Files.readAllBytes(base.resolveSibling(name)) : null;
            var message = message(box, base, extension, info, audio, hostname());
            String mail = pager ? VoicemailEmail.buildPager(message) : VoicemailEmail.build(message);
            run(cmd, VoicemailEmail.bytes(mail), box);
        } catch (IOException | RuntimeException e) {
            PbxLog.warning(VoicemailSpool.SOURCE, "Could not mail " + box.id() + " about " + base + ": " + e.getMessage());
        }
    }

    /**
     * attachfmt= picks which recorded format is attached when format= lists several; we record
     * the first one we can write, so another attachfmt is one notice and the recorded file goes.
     */
    static String attachmentExtension(Mailbox box, Path base, String recorded) {
        String want = box.option("attachfmt", "").strip();
        if (want.isEmpty() || want.equalsIgnoreCase(recorded)) return recorded;
        String ext = want.equalsIgnoreCase("wav49") ? "WAV" : want;
        if (Files.isRegularFile(base.resolveSibling(base.getFileName() + "." + ext))) return ext;
        PbxLog.notice(VoicemailSpool.SOURCE, "attachfmt=" + want + " for " + box.id() + ": the message was recorded as "
                + recorded + " only; attaching that");
        return recorded;
    }

    /** What a mail (or a chat line) about the message at {@code base} says: caller, number, duration, date. */
    static VoicemailEmail.Message message(Mailbox box, Path base, String extension, Map<String, String> info, byte[] audio,
                                          String hostname) {
        String cid = info.getOrDefault("callerid", "");
        String cidName = "", cidNum = cid;
        int lt = cid.indexOf('<');
        if (lt >= 0) {
            cidName = cid.substring(0, lt).strip().replace("\"", "");
            cidNum = cid.substring(lt + 1).replace(">", "").strip();
        }
        if (cidNum.equals("Unknown")) cidNum = "";
        int number = Integer.parseInt(base.getFileName().toString().substring(3));
        long origtime = Long.parseLong(info.getOrDefault("origtime", "0"));
        ZonedDateTime when = java.time.Instant.ofEpochSecond(origtime).atZone(java.time.ZoneId.systemDefault());
        return new VoicemailEmail.Message(box, number, cidName, cidNum, Integer.parseInt(info.getOrDefault("duration", "0")),
                when, base.getFileName() + "." + extension, audio, hostname);
    }

    private static void run(String cmd, byte[] mail, Mailbox box) throws IOException {
        Process p = new ProcessBuilder("/bin/sh", "-c", cmd).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(mail);
        } catch (IOException closedEarly) {
            // the command did not read it all; its exit status says how it went
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                PbxLog.warning(VoicemailSpool.SOURCE, "Mail command '" + cmd + "' for " + box.id() + " did not finish in "
                        + TIMEOUT_SECONDS + " s; stopped (the message stays in the box)");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (p.exitValue() != 0) {
            String out = new String(p.getInputStream().readNBytes(300), StandardCharsets.UTF_8).strip().replace('\n', ' ');
            PbxLog.warning(VoicemailSpool.SOURCE, "Mail command '" + cmd + "' for " + box.id() + " failed with status "
                    + p.exitValue() + (out.isEmpty() ? "" : ": " + out) + " (the message stays in the box)");
        } else {
            PbxLog.verbose(3, "Mailed " + box.email() + " about a new message in " + box.id());
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
