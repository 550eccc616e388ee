package org.switchboard.res.voicemail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.switchboard.core.PbxLog;

/**
 * One folder of a mailbox opened by VoiceMailMain (app_voicemail's open_mailbox / close_mailbox):
 * the messages there when it was opened, which were heard and which marked deleted. Nothing
 * changes on disk until {@link #close}: then deleted messages go, heard INBOX messages move to Old
 * ({@code moveheard}, default yes; heard Urgent ones too), and the rest are renumbered from msg0000 without gaps.
 * A message whose files were removed meanwhile (by hand, by another session) is skipped, never
 * a reason to lose the others.
 */
public final class MailboxFolder {
    /** app_voicemail's folders, by the digit that picks them. */
    public static final List<String> FOLDERS = List.of("INBOX", "Old", "Work", "Family", "Friends",
            "Cust1", "Cust2", "Cust3", "Cust4", "Cust5");

    private final VoicemailSpool spool;
    private final Mailbox box;
    private final String name;
    private final List<Path> messages;
    private final boolean[] heard;
    private final boolean[] deleted;

    private MailboxFolder(VoicemailSpool spool, Mailbox box, String name) {
        this.spool = spool;
        this.box = box;
        this.name = name;
        this.messages = spool.messages(box, name);
        this.heard = new boolean[messages.size()];
        this.deleted = new boolean[messages.size()];
    }

    public static MailboxFolder open(VoicemailSpool spool, Mailbox box, String name) {
        return new MailboxFolder(spool, box, name);
    }

    public String name() { return name; }
    public int size() { return messages.size(); }
    public Path message(int i) { return messages.get(i); }
    public Map<String, String> info(int i) { return VoicemailSpool.info(messages.get(i)); }
    public boolean exists(int i) { return Files.exists(messages.get(i).resolveSibling(messages.get(i).getFileName() + ".txt")); }
    public void heard(int i) { heard[i] = true; }
    public boolean isDeleted(int i) { return deleted[i]; }
    public void setDeleted(int i, boolean d) { deleted[i] = d; }

    /**
     * Copies message {@code i} into {@code folder} and marks it deleted here (what '9' does);
     * false when that folder is full ({@code maxmsg}) or the copy failed.
     */
    public boolean saveTo(int i, String folder) {
        if (spool.count(box, folder) >= box.intOption("maxmsg", 100)) return false;
        try {
            spool.transfer(box, messages.get(i), folder, false);
        } catch (IOException e) {
            PbxLog.warning(VoicemailSpool.SOURCE, "Could not save message " + messages.get(i) + " to " + folder + ": " + e);
            return false;
        }
        deleted[i] = true;
        return true;
    }

    /** Applies the deletions and moves; returns whether anything on disk changed. */
    public boolean close() {
        boolean moveHeard = box.flag("moveheard", true);
        boolean changed = false;
        int next = 0;
        for (int i = 0; i < messages.size(); i++) {
            Path m = messages.get(i);
            try {
                if (!exists(i)) continue; // removed under us: nothing to keep, nothing to renumber
                if (deleted[i]) {
                    VoicemailSpool.delete(m);
                    changed = true;
                } else if (heard[i] && moveHeard && (name.equals("INBOX") || name.equals("Urgent"))) {
                    spool.transfer(box, m, "Old", true);
                    changed = true;
                } else {
                    Path to = m.resolveSibling(String.format("msg%04d", next++));
                    if (!to.equals(m)) {
                        VoicemailSpool.renumber(m, to);
                        changed = true;
                    }
                }
            } catch (IOException e) {
                PbxLog.warning(VoicemailSpool.SOURCE, "Could not tidy " + m + " in " + box.id() + ": " + e);
            }
        }
        return changed;
    }

    static boolean isTrue(String v) { return org.switchboard.config.AstTrue.isTrue(v); }
}
