package org.switchboard.apps;

import java.util.Map;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundPlayer;
import org.switchboard.res.voicemail.Mailbox;
import org.switchboard.res.voicemail.MailboxFolder;
import org.switchboard.res.voicemail.MessageWaiting;
import org.switchboard.res.voicemail.VoicemailSpool;

/**
 * VoiceMailMain once logged in (vm_execmain's loop, English prompts): the counts, the main menu
 * and its keys, playing a message with its envelope. The open folder's deletions and moves are
 * applied when the caller changes folder or leaves (also by hanging up), and then the
 * MessageWaiting event tells everyone who shows the box's lamp.
 */
final class VoiceMailMenu {
    /** The command that ends the loop: timeout ('t') or '#'. */
    private static final int TIMEOUT = 't';

    private final Channel c;
    private final Mailbox box;
    private final VoicemailSpool spool;
    private final boolean readOnly;
    private final int gainDb;
    private MailboxFolder folder;
    private String playFolder;
    private int cur;
    private boolean starting = true;
    private int repeats;
    private int fresh;
    private int old;
    private int urgent;

    VoiceMailMenu(Channel c, Mailbox box, boolean readOnly, int gainDb) {
        this.c = c;
        this.gainDb = gainDb;
        this.box = box;
        this.spool = VoicemailSpool.of(c.pbx());
        this.readOnly = readOnly;
    }

    /** Runs the session; {@code autoFolder} ≥ 0 is the a(folder) option. */
    void run(int autoFolder) {
        try {
            fresh = spool.count(box, "INBOX");
            old = spool.count(box, "Old");
            urgent = spool.count(box, "Urgent");
            int cmd;
            if (autoFolder >= 0) {
                open(MailboxFolder.FOLDERS.get(autoFolder));
                if (folder.size() == 0) {
                    browse();
                    VoiceMailMainApp.play(c, "vm-goodbye");
                    return;
                }
                cmd = '1';
            } else {
                // urgent messages first, as vm_execmain does; the INBOX follows them
                open(urgent > 0 ? "Urgent" : fresh == 0 && old > 0 ? "Old" : "INBOX");
                if (spool.greeting(box, "temp") != null && box.flag("tempgreetwarn", false)) {
                    VoiceMailMainApp.play(c, "vm-tempgreetactive");
                }
                cmd = intro();
            }
            while (cmd >= 0 && cmd != TIMEOUT && cmd != '#') cmd = command(cmd);
            if (cmd != VoiceMailAdvanced.LEFT) SoundPlayer.play(c, "vm-goodbye", SoundPlayer.NO_DIGIT);
        } finally {
            closeFolder();
            MessageWaiting.publish(c.pbx(), box);
        }
    }

    private int command(int cmd) {
        switch (cmd) {
            case '1', '5' -> {
                if (cmd == '1') cur = 0;
                return browse();
            }
            case '2' -> {
                int f = VoiceMailOptions.folderChoice(c, "vm-changeto", 0);
                if (f == '#') return 0;
                closeFolder();
                open(MailboxFolder.FOLDERS.get(f - '0'));
                starting = true;
                cur = 0;
                return folderName(playFolder);
            }
            case '3' -> {
                return new VoiceMailAdvanced(c, box, folder, cur, starting).run();
            }
            case '4' -> {
                if (cur > 0) {
                    cur--;
                    return playMessage();
                }
                return wrap() ? playAt(folder.size() - 1) : VoiceMailMainApp.play(c, "vm-nomore");
            }
            case '6' -> {
                if (cur < folder.size() - 1) {
                    cur++;
                    return playMessage();
                }
                if (folder.name().equals("Urgent") && spool.count(box, "INBOX") > 0) { // on to the new messages
                    closeFolder();
                    open("INBOX");
                    return playAt(0);
                }
                return wrap() ? playAt(0) : VoiceMailMainApp.play(c, "vm-nomore");
            }
            case '7' -> {
                if (readOnly || cur < 0 || cur >= folder.size()) return 0;
                boolean d = !folder.isDeleted(cur);
                folder.setDeleted(cur, d);
                return VoiceMailMainApp.play(c, d ? "vm-deleted" : "vm-undeleted");
            }
            case '8' -> {
                if (cur < 0 || cur >= folder.size() || starting) return VoiceMailMainApp.play(c, "vm-sorry");
                return VoiceMailForward.forward(c, box, folder.message(cur));
            }
            case '9' -> {
                return save();
            }
            case '*' -> {
                if (starting) return 0;
                int r = VoiceMailMainApp.play(c, "vm-onefor");
                if (r == 0) r = folderName(playFolder);
                if (r == 0) r = VoiceMailMainApp.play(c, "vm-opts");
                return r == 0 ? instructions() : r;
            }
            case '0' -> {
                int r = new VoiceMailOptions(c, box, gainDb).run();
                starting = true;
                return r;
            }
            default -> {
                return instructions();
            }
        }
    }

    private boolean wrap() { return box.flag("messagewrap", false) && folder.size() > 1; }

    private int playAt(int i) {
        cur = i;
        return playMessage();
    }

    private void open(String name) {
        playFolder = name;
        folder = MailboxFolder.open(spool, box, name);
        cur = 0;
    }

    private void closeFolder() {
        if (folder != null) folder.close();
        folder = null;
    }

    /** vm_intro_en: "you have N urgent (and) N new (and) M old message(s)", or "no messages". */
    private int intro() {
        int r = VoiceMailMainApp.play(c, "vm-youhave");
        if (r == 0 && urgent > 0) {
            r = VoiceMailEnvelope.number(c, urgent);
            if (r == 0) r = VoiceMailMainApp.play(c, "vm-Urgent");
            if (r == 0) r = VoiceMailMainApp.play(c, fresh > 0 || old > 0 ? "vm-and" : urgent == 1 ? "vm-message" : "vm-messages");
        }
        if (r == 0 && fresh > 0) {
            r = VoiceMailEnvelope.number(c, fresh);
            if (r == 0) r = VoiceMailMainApp.play(c, "vm-INBOX");
            if (r == 0) r = VoiceMailMainApp.play(c, old > 0 ? "vm-and" : fresh == 1 ? "vm-message" : "vm-messages");
        }
        if (r == 0 && old > 0) {
            r = VoiceMailEnvelope.number(c, old);
            if (r == 0) r = VoiceMailMainApp.play(c, "vm-Old");
            if (r == 0) r = VoiceMailMainApp.play(c, old == 1 ? "vm-message" : "vm-messages");
        }
        if (r == 0 && fresh == 0 && old == 0 && urgent == 0) {
            r = VoiceMailMainApp.play(c, "vm-no");
            if (r == 0) r = VoiceMailMainApp.play(c, "vm-messages");
        }
        return r;
    }

    /** vm_instructions_en, then a digit (6 s); three rounds of silence end the session. */
    private int instructions() {
        int r = 0;
        if (starting) {
            if (folder.size() > 0) {
                r = VoiceMailMainApp.play(c, "vm-onefor");
                if (r == 0) r = folderName(playFolder);
            }
            if (r == 0) r = VoiceMailMainApp.play(c, "vm-opts");
        } else {
            if (cur > 0) r = VoiceMailMainApp.play(c, "vm-prev");
            if (r == 0) r = VoiceMailMainApp.play(c, "vm-advopts");
            if (r == 0) r = VoiceMailMainApp.play(c, "vm-repeat");
            if (r == 0 && cur != folder.size() - 1) r = VoiceMailMainApp.play(c, "vm-next");
            if (r == 0) r = VoiceMailMainApp.play(c, cur < folder.size() && folder.isDeleted(cur) ? "vm-undelete" : "vm-delete");
            if (r == 0) r = VoiceMailMainApp.play(c, "vm-toforward");
            if (r == 0) r = VoiceMailMainApp.play(c, "vm-savemessage");
        }
        if (r == 0) r = VoiceMailMainApp.play(c, "vm-helpexit");
        if (r == 0) r = VoiceMailMainApp.waitDigit(c, 6000);
        if (r == 0 && ++repeats > 2) r = TIMEOUT;
        if (r != 0 && r != TIMEOUT) repeats = 0;
        return r;
    }

    /** vm_browse_messages_en. */
    private int browse() {
        if (folder.size() > 0) return playMessage();
        int r = VoiceMailMainApp.play(c, "vm-youhave");
        if (r == 0) r = VoiceMailMainApp.play(c, "vm-no");
        if (r == 0) r = VoiceMailMainApp.play(c, "vm-" + folder.name());
        if (r == 0) r = VoiceMailMainApp.play(c, "vm-messages");
        return r;
    }

    /** play_message: first/last, "message N", the envelope (envelope=yes, the default), the message. */
    private int playMessage() {
        starting = false;
        int last = folder.size() - 1;
        int r = 0;
        if (cur == 0) r = VoiceMailMainApp.play(c, "vm-first");
        else if (cur == last) r = VoiceMailMainApp.play(c, "vm-last");
        Map<String, String> info = folder.info(cur);
        if (info.isEmpty()) {
            PbxLog.warning(VoiceMailMainApp.SOURCE, "No message attribute file?!! (" + folder.message(cur) + ".txt)");
            return 0;
        }
        if (r == 0 && "Urgent".equals(info.get("flag"))) r = VoiceMailMainApp.play(c, "vm-Urgent");
        if (r == 0) {
            r = VoiceMailMainApp.play(c, "vm-message");
            if (r == 0 && cur != 0 && cur != last) r = VoiceMailEnvelope.number(c, cur + 1);
        }
        if (r == 0 && box.flag("envelope", true)) r = VoiceMailEnvelope.dateTime(c, box, info);
        if (r == 0 && box.flag("saycid", false)) r = VoiceMailEnvelope.callerId(c, box, info);
        if (r == '1') r = 0; // 1 skips the envelope
        if (r != 0) return r;
        folder.heard(cur);
        r = SoundPlayer.play(c, folder.message(cur).toString(), SoundPlayer.ANY_DIGIT);
        if (r < 0) {
            PbxLog.warning(VoiceMailMainApp.SOURCE, "Playback of message " + folder.message(cur) + " failed");
            r = 0;
        }
        return r;
    }

    /** '9': save to a folder — "message N saved to Work messages", or "mailbox full". */
    private int save() {
        if (cur < 0 || cur >= folder.size()) return 0;
        int f = VoiceMailOptions.folderChoice(c, "vm-savefolder", 1);
        if (f == '#') return 0;
        String to = MailboxFolder.FOLDERS.get(f - '0');
        if (to.equals(folder.name())) return VoiceMailMainApp.play(c, "vm-sorry");
        if (readOnly || !folder.saveTo(cur, to)) return VoiceMailMainApp.play(c, "vm-mailboxfull");
        int r = VoiceMailMainApp.play(c, "vm-message");
        if (r == 0) r = VoiceMailEnvelope.number(c, cur + 1);
        if (r == 0) r = VoiceMailMainApp.play(c, "vm-savedto");
        if (r == 0) r = folderName(MailboxFolder.FOLDERS.get(f - '0'));
        return r;
    }

    /** vm_play_folder_name (English): "vm-Work" then "vm-messages". */
    private int folderName(String name) {
        int r = VoiceMailMainApp.play(c, "vm-" + name);
        return r != 0 ? r : VoiceMailMainApp.play(c, "vm-messages");
    }
}
