package org.switchboard.apps;

import java.util.Map;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.res.voicemail.Mailbox;
import org.switchboard.res.voicemail.MailboxFolder;

/**
 * VoiceMailMain's '3' advanced options for the message being played (app_voicemail's
 * advanced_options, English): 2 calls the person who left it back through the box's
 * {@code callback=} context, 3 says its envelope (date and caller), 1 leaves a reply in the
 * sender's box when the caller has one in this context, * returns to the main menu. Dialling out
 * (4) and leaving a message (5) are not offered.
 */
final class VoiceMailAdvanced {
    /** Returned when the channel was sent to the callback context: VoiceMailMain ends without "goodbye". */
    static final int LEFT = -2;
    private static final int DONE = 't';

    private final Channel c;
    private final Mailbox box;
    private final MailboxFolder folder;
    private final int cur;
    private final boolean starting;

    VoiceMailAdvanced(Channel c, Mailbox box, MailboxFolder folder, int cur, boolean starting) {
        this.c = c;
        this.box = box;
        this.folder = folder;
        this.cur = cur;
        this.starting = starting;
    }

    private boolean hasMessage() { return !starting && cur >= 0 && cur < folder.size(); }

    /** Returns 0 back at the main menu, a digit to run there, or {@link #LEFT}. */
    int run() {
        int cmd = 0, rounds = 0;
        while (cmd >= 0 && cmd != DONE && cmd != '#') {
            switch (cmd) {
                case '1' -> cmd = reply();
                case '2' -> cmd = callback();
                case '3' -> {
                    if (hasMessage()) {
                        Map<String, String> info = folder.info(cur);
                        int r = VoiceMailEnvelope.dateTime(c, box, info);
                        if (r == 0) VoiceMailEnvelope.callerId(c, box, info);
                    } else {
                        VoiceMailMainApp.play(c, "vm-sorry");
                    }
                    cmd = DONE;
                }
                case '*' -> cmd = DONE;
                default -> {
                    cmd = 0;
                    if (hasMessage() && sender() != null) cmd = VoiceMailMainApp.play(c, "vm-toreply");
                    if (cmd == 0 && hasMessage() && !box.option("callback", "").isBlank()) cmd = VoiceMailMainApp.play(c, "vm-tocallback");
                    if (cmd == 0 && hasMessage()) cmd = VoiceMailMainApp.play(c, "vm-tohearenv");
                    if (cmd == 0) cmd = VoiceMailMainApp.play(c, "vm-starmain");
                    if (cmd == 0) cmd = VoiceMailMainApp.waitDigit(c, 6000);
                    if (cmd == 0 && ++rounds > 3) cmd = DONE;
                }
            }
        }
        return cmd == DONE ? 0 : cmd;
    }

    /** The box of this context whose number is the message's caller number (an internal caller), or null. */
    private Mailbox sender() {
        String num = number(folder.info(cur).getOrDefault("callerid", ""));
        return num.isEmpty() ? null : box.config().mailbox(num, box.context());
    }

    /**
     * '1': a reply left in the sender's box, as VoiceMail(box@context,s) leaves one (their
     * greeting, the beep, the recording); then back to the menu. A message from someone without a
     * box here is "sorry", with a log line.
     */
    private int reply() {
        Mailbox to = hasMessage() ? sender() : null;
        if (to == null) {
            PbxLog.notice(VoiceMailMainApp.SOURCE, "No reply from " + box.id() + ": the message's caller has no mailbox in "
                    + box.context());
            VoiceMailMainApp.play(c, "vm-sorry");
            return DONE;
        }
        new VoiceMailApp().execute(c, to.id() + ",s");
        c.checkHangup();
        return "USEREXIT".equals(c.getVar("VMSTATUS")) ? LEFT : DONE; // * or 0 in the greeting left for a / o
    }

    /** '2': the caller's number in the box's callback= context, when both are there; else "sorry". */
    private int callback() {
        String ctx = box.option("callback", "").strip();
        String num = hasMessage() ? number(folder.info(cur).getOrDefault("callerid", "")) : "";
        if (ctx.isEmpty() || num.isEmpty()) {
            PbxLog.notice(VoiceMailMainApp.SOURCE, "No callback for " + box.id() + (ctx.isEmpty()
                    ? ": the mailbox has no callback= context" : ": the message has no caller number"));
            VoiceMailMainApp.play(c, "vm-sorry");
            return DONE;
        }
        if (!AppSupport.exists(c, ctx, num, 1)) {
            PbxLog.notice(VoiceMailMainApp.SOURCE, "No extension '" + num + "' in callback context '" + ctx + "' of " + box.id());
            VoiceMailMainApp.play(c, "vm-sorry");
            return DONE;
        }
        VoiceMailMainApp.play(c, "vm-dialout");
        c.jumpTo(ctx, num, 1);
        return LEFT;
    }

    /** The number of a .txt callerid ("Name" <123>, or 123); "" when there is none. */
    static String number(String callerId) {
        String n = callerId;
        int lt = n.indexOf('<');
        if (lt >= 0) n = n.substring(lt + 1, n.indexOf('>', lt) < 0 ? n.length() : n.indexOf('>', lt));
        n = n.strip();
        return n.matches("[0-9*#+]+") ? n : "";
    }
}
