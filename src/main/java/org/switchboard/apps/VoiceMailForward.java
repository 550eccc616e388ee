package org.switchboard.apps;

import java.io.IOException;
import java.nio.file.Path;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.res.voicemail.Mailbox;
import org.switchboard.res.voicemail.MessageWaiting;
import org.switchboard.res.voicemail.NewVoicemails;
import org.switchboard.res.voicemail.VoicemailConfig;
import org.switchboard.res.voicemail.VoicemailMailer;
import org.switchboard.res.voicemail.VoicemailSpool;

/**
 * VoiceMailMain's '8': forward the message being played to another mailbox of the same
 * voicemail context (app_voicemail's forward_message, without prepending a comment). The caller
 * enters the box number and #; a copy of the audio and its .txt lands in that box's INBOX under
 * its next number, its lamp, its mail and its notices (skype=) follow, and the caller hears "your message
 * has been forwarded". A box that does not exist is "not a valid extension, try again" (three
 * times at most); a full one is "mailbox full".
 */
final class VoiceMailForward {
    private VoiceMailForward() {}

    static int forward(Channel c, Mailbox from, Path message) {
        VoicemailConfig cfg = from.config();
        for (int attempt = 0; attempt < 3; attempt++) {
            String digits = VoiceMailMainApp.readDigits(c, "vm-enter-num-to", 80);
            if (digits.isEmpty() || digits.equals("*")) return 0; // nothing entered: back to the menu
            Mailbox to = cfg.mailbox(digits, from.context());
            if (to == null) {
                PbxLog.notice(VoiceMailMainApp.SOURCE, "Cannot forward to " + digits + "@" + from.context() + ": no such mailbox");
                int r = VoiceMailMainApp.play(c, "pbx-invalid");
                if (r != 0) return r;
                continue;
            }
            return copy(c, from, to, message);
        }
        return 0;
    }

    private static int copy(Channel c, Mailbox from, Mailbox to, Path message) {
        VoicemailSpool spool = VoicemailSpool.of(c.pbx());
        if (spool.count(to, "INBOX") >= to.intOption("maxmsg", 100)) {
            PbxLog.warning(VoiceMailMainApp.SOURCE, "Cannot forward to " + to.id() + ": mailbox full");
            return VoiceMailMainApp.play(c, "vm-mailboxfull");
        }
        try {
            Path copy = spool.transferTo(message, to, "INBOX");
            PbxLog.verbose(3, "Forwarded " + message + " of " + from.id() + " to " + copy);
            MessageWaiting.publish(c.pbx(), to);
            var info = new java.util.LinkedHashMap<>(VoicemailSpool.info(copy));
            String ext = VoicemailSpool.audioExtension(copy);
            if (ext != null) {
                NewVoicemails.of(c.pbx()).announce(new NewVoicemails.Message(to, copy, ext, info));
                VoicemailMailer.notify(c.pbx(), to, copy, ext, info); // its owner is mailed, as for a message left
            }
        } catch (IOException e) {
            PbxLog.warning(VoiceMailMainApp.SOURCE, "Could not forward " + message + " to " + to.id() + ": " + e.getMessage());
            return VoiceMailMainApp.play(c, "vm-sorry");
        }
        return VoiceMailMainApp.play(c, "vm-msgforwarded");
    }
}
