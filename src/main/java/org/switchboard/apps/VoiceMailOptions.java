package org.switchboard.apps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundFormat;
import org.switchboard.media.sound.SoundPlayer;
import org.switchboard.media.sound.SoundRecorder;
import org.switchboard.res.voicemail.Mailbox;
import org.switchboard.res.voicemail.MailboxFolder;
import org.switchboard.res.voicemail.VoicemailPasswords;
import org.switchboard.res.voicemail.VoicemailSpool;

/**
 * VoiceMailMain's mailbox options (app_voicemail's vm_options, vm_tempgreeting and
 * play_record_review for the owner): 1 unavailable, 2 busy, 3 name, 4 temporary greeting,
 * 5 new PIN, * back. A greeting is recorded aside and replaces the old one only when the owner
 * accepts it (1 after vm-review); a hangup or timeout leaves the old one.
 */
final class VoiceMailOptions {
    private static final int DONE = 't';

    private final Channel c;
    private final Mailbox box;
    private final VoicemailSpool spool;
    private final int gainDb;

    /** {@code gainDb}: VoiceMailMain's g(#), applied to the greetings recorded here. */
    VoiceMailOptions(Channel c, Mailbox box, int gainDb) {
        this.c = c;
        this.box = box;
        this.spool = VoicemailSpool.of(c.pbx());
        this.gainDb = gainDb;
    }

    /** Returns 0 back at the main menu (after * or silence). */
    int run() {
        int cmd = 0, retries = 0;
        while (cmd >= 0 && cmd != DONE) {
            if (cmd != 0) retries = 0;
            switch (cmd) {
                case '1' -> cmd = recordReview("vm-rec-unv", "unavail");
                case '2' -> cmd = recordReview("vm-rec-busy", "busy");
                case '3' -> cmd = recordReview("vm-rec-name", "greet");
                case '4' -> cmd = tempGreeting();
                case '5' -> cmd = newPassword();
                case '*' -> cmd = DONE;
                default -> {
                    cmd = 0;
                    if (spool.greeting(box, "temp") != null) cmd = VoiceMailMainApp.play(c, "vm-tmpexists");
                    if (cmd == 0) cmd = VoiceMailMainApp.play(c, "vm-options");
                    if (cmd == 0) cmd = VoiceMailMainApp.waitDigit(c, 6000);
                    if (cmd == 0 && ++retries > 3) cmd = DONE;
                }
            }
        }
        return 0;
    }

    /** vm_tempgreeting: record one, or with one recorded: 1 re-record, 2 remove it. */
    private int tempGreeting() {
        if (spool.greeting(box, "temp") == null) return recordReview("vm-rec-temp", "temp") < 0 ? -1 : 0;
        int cmd = 0, retries = 0;
        while (cmd >= 0 && cmd != DONE) {
            switch (cmd) {
                case '1' -> cmd = recordReview("vm-rec-temp", "temp") < 0 ? -1 : DONE;
                case '2' -> {
                    removeGreeting("temp", null);
                    VoiceMailMainApp.play(c, "vm-tempremoved");
                    cmd = DONE;
                }
                case '*' -> cmd = DONE;
                default -> {
                    cmd = VoiceMailMainApp.play(c, "vm-tempgreeting2");
                    if (cmd == 0) cmd = VoiceMailMainApp.waitDigit(c, 6000);
                    if (cmd == 0 && ++retries > 3) cmd = DONE;
                }
            }
        }
        return 0;
    }

    /**
     * play_record_review for the owner: the prompt, a beep, recording until # (or silence, or
     * maxgreet seconds); then vm-review: 1 keeps it, 2 plays it back, 3 records again.
     * Returns 0 when done (kept or not), -1 never (a hangup ends the call by exception).
     */
    private int recordReview(String prompt, String which) {
        SoundFormat fmt = VoiceMailApp.format(box);
        Path tmp = null;
        try {
            int cmd = '3', attempts = 0;
            boolean exists = false;
            while (cmd >= 0 && cmd != DONE) {
                switch (cmd) {
                    case '1' -> {
                        if (!exists) {
                            cmd = '3';
                            continue;
                        }
                        keep(tmp, which, fmt);
                        tmp = null;
                        VoiceMailMainApp.play(c, "vm-msgsaved");
                        return 0;
                    }
                    case '2' -> cmd = exists ? play(tmp) : 0;
                    case '3' -> {
                        if (tmp != null) Files.deleteIfExists(tmp);
                        tmp = spool.recordingFile(box, fmt.extension());
                        exists = false;
                        cmd = VoiceMailMainApp.play(c, prompt);
                        if (cmd == 0) SoundPlayer.play(c, "beep", SoundPlayer.NO_DIGIT);
                        SoundRecorder.Result r = SoundRecorder.record(c, new SoundRecorder.Options(tmp, fmt, false,
                                box.intOption("maxsilence", 0) * 1000L, box.intOption("maxgreet", 0) * 1000L,
                                SoundPlayer.digits("#*0"), false, gainDb));
                        c.checkHangup();
                        if (r.status() == SoundRecorder.Status.ERROR) return 0;
                        if (r.status() == SoundRecorder.Status.DTMF && r.digit() != '#') {
                            cmd = r.digit() == '*' ? '*' : 0;
                        } else {
                            exists = r.durationMs() > 0;
                            cmd = 0;
                        }
                    }
                    case '*' -> {
                        VoiceMailMainApp.play(c, "vm-deleted");
                        return 0;
                    }
                    default -> {
                        cmd = VoiceMailMainApp.play(c, exists ? "vm-review" : "vm-torerecord");
                        if (cmd == 0) cmd = VoiceMailMainApp.waitDigit(c, 6000);
                        if (cmd == 0 && ++attempts > 3) cmd = DONE;
                    }
                }
            }
            return 0;
        } catch (IOException e) {
            PbxLog.warning(VoiceMailMainApp.SOURCE, "Could not record the " + which + " greeting of " + box.id() + ": " + e.getMessage());
            return 0;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // tmp/ is swept with the box
                }
            }
        }
    }

    private int play(Path file) {
        String name = file.toString();
        int r = SoundPlayer.play(c, name.substring(0, name.lastIndexOf('.')), SoundPlayer.ANY_DIGIT);
        return r < 0 ? 0 : r;
    }

    /** The accepted recording becomes the greeting; other formats of the old one go. */
    private void keep(Path tmp, String which, SoundFormat fmt) throws IOException {
        Path to = spool.box(box).resolve(which + "." + fmt.extension());
        removeGreeting(which, to);
        Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        PbxLog.verbose(3, "Saving " + which + " greeting of " + box.id() + " as " + to);
    }

    private void removeGreeting(String which, Path except) {
        try (var files = Files.newDirectoryStream(spool.box(box), which + ".*")) {
            for (Path f : files) if (!f.equals(except)) Files.deleteIfExists(f);
        } catch (IOException e) {
            PbxLog.warning(VoiceMailMainApp.SOURCE, "Could not remove the " + which + " greeting of " + box.id() + ": " + e.getMessage());
        }
    }

    /** vm_options '5': the new PIN twice; it must not start with * nor be shorter than minpassword. */
    private int newPassword() {
        if (VoicemailPasswords.pin(c.pbx(), box).startsWith("-")) return VoiceMailMainApp.play(c, "vm-no");
        String first = VoiceMailMainApp.readDigits(c, "vm-newpassword", 80);
        int min = intGeneral("minpassword", 0);
        if (first.length() < min || first.startsWith("*")) {
            PbxLog.notice(VoiceMailMainApp.SOURCE, "Invalid password for user " + box.box() + " (" + first + ")");
            int r = VoiceMailMainApp.play(c, "vm-invalid-password");
            return r == 0 ? VoiceMailMainApp.play(c, "vm-pls-try-again") : r;
        }
        String again = VoiceMailMainApp.readDigits(c, "vm-reenterpassword", 80);
        if (!first.equals(again)) {
            PbxLog.notice(VoiceMailMainApp.SOURCE, "Password mismatch for user " + box.box());
            int r = VoiceMailMainApp.play(c, "vm-mismatch");
            return r == 0 ? VoiceMailMainApp.play(c, "vm-pls-try-again") : r;
        }
        if (!VoicemailPasswords.change(c.pbx(), box, first)) return VoiceMailMainApp.play(c, "vm-sorry");
        return VoiceMailMainApp.play(c, "vm-passchanged");
    }

    private int intGeneral(String key, int dflt) {
        try {
            return Integer.parseInt(box.config().general().getOrDefault(key, Integer.toString(dflt)).strip());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /**
     * get_folder2: the prompt, then "press 0 for new messages, 1 for old, ..." (folders from
     * {@code start}) until a digit; '#' (also after four silent rounds) cancels.
     */
    static int folderChoice(Channel c, String prompt, int start) {
        int r = VoiceMailMainApp.play(c, prompt);
        for (int loops = 0; (r < '0' || r > '9') && r != '#'; loops++) {
            if (loops == 4) return '#';
            r = VoiceMailMainApp.play(c, "vm-press");
            for (int x = start; r == 0 && x < 5; x++) {
                for (String f : SayFiles.number(x)) {
                    if (r == 0) r = VoiceMailMainApp.play(c, f);
                }
                if (r == 0) r = VoiceMailMainApp.play(c, "vm-for");
                if (r == 0) r = VoiceMailMainApp.play(c, "vm-" + MailboxFolder.FOLDERS.get(x));
                if (r == 0) r = VoiceMailMainApp.play(c, "vm-messages");
                if (r == 0) r = VoiceMailMainApp.waitDigit(c, 500);
            }
            if (r == 0) r = VoiceMailMainApp.play(c, "vm-tocancel");
            if (r == 0) r = VoiceMailMainApp.waitDigit(c, 4000);
        }
        return r;
    }
}
