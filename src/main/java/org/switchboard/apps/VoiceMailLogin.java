package org.switchboard.apps;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundPlayer;
import org.switchboard.res.voicemail.Mailbox;
import org.switchboard.res.voicemail.VoicemailConfig;
import org.switchboard.res.voicemail.VoicemailPasswords;

/**
 * VoiceMailMain's login (app_voicemail's vm_authenticate): mailbox (unless given), then PIN, up
 * to {@code maxlogins} attempts. A wrong attempt plays vm-incorrect-mailbox (and asks for the
 * mailbox again) or, when the mailbox was given, vm-incorrect; the last one vm-goodbye, and a
 * security log line names the mailbox. An empty mailbox is the caller's number; {@code *} jumps to
 * extension 'a' when it exists.
 */
final class VoiceMailLogin {
    private static final DateTimeFormatter TV = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxx");

    private VoiceMailLogin() {}

    /** The mailbox logged in to; null with jumpToA false when the call is to end. */
    record Outcome(Mailbox mailbox, boolean jumpToA) {}

    static Outcome authenticate(Channel c, VoicemailConfig cfg, String given, String context, String prefix,
                                boolean skipUser, int maxLogins, boolean silent) {
        String box = given;
        String mailboxPrompt = silent ? null : "vm-login";
        for (int tries = 0; tries < maxLogins; ) {
            if (!skipUser) {
                box = VoiceMailMainApp.readDigits(c, mailboxPrompt, 80);
                if (box.isEmpty()) {
                    String cid = c.callerId().number();
                    if (cid == null || cid.isEmpty()) {
                        PbxLog.verbose(3, "Username not entered");
                        return new Outcome(null, false);
                    }
                    box = cid;
                } else if (box.startsWith("*")) {
                    if (AppSupport.exists(c, c.context(), "a", 1)) return new Outcome(null, true);
                    box = "";
                }
                box = prefix + box;
            }
            Mailbox m = find(cfg, box, context);
            String pin = m == null ? null : VoicemailPasswords.pin(c.pbx(), m);
            String entered = "";
            if (m == null || !(pin.isEmpty() || pin.equals("-"))) {
                entered = VoiceMailMainApp.readDigits(c, "vm-password", 80);
                if (entered.startsWith("*")) {
                    if (AppSupport.exists(c, c.context(), "a", 1)) return new Outcome(null, true);
                    m = null;
                }
            }
            if (m != null && (pin.startsWith("-") ? pin.substring(1) : pin).equals(entered)) {
                return new Outcome(m, false);
            }
            PbxLog.verbose(3, "Incorrect password '" + entered + "' for user '" + box + "' (context = " + (context == null ? "default" : context) + ")");
            tries++;
            if (tries >= maxLogins) {
                SoundPlayer.play(c, "vm-incorrect", SoundPlayer.NO_DIGIT);
                security(c, box + "@" + (context == null ? "default" : context), tries);
                SoundPlayer.play(c, "vm-goodbye", SoundPlayer.NO_DIGIT);
                return new Outcome(null, false);
            }
            if (skipUser) {
                SoundPlayer.play(c, "vm-incorrect", SoundPlayer.NO_DIGIT);
            } else {
                mailboxPrompt = "vm-incorrect-mailbox"; // it plays while the next mailbox is typed
            }
        }
        return new Outcome(null, false);
    }

    /** find_user: the box in {@code context}, or with none given in any context. */
    private static Mailbox find(VoicemailConfig cfg, String box, String context) {
        if (cfg == null) return null;
        if (context != null) return cfg.mailbox(box, context);
        return cfg.mailboxes().values().stream().filter(m -> m.box().equals(box)).findFirst().orElse(null);
    }

    /** One line per session that ran out of attempts, in Asterisk's security event layout. */
    private static void security(Channel c, String account, int attempts) {
        PbxLog.limited(PbxLog.Level.SECURITY, SOURCE, account, "SecurityEvent=\"InvalidPassword\",EventTV=\""
                + ZonedDateTime.now().format(TV) + "\",Severity=\"Error\",Service=\"VoiceMailMain\",EventVersion=\"2\""
                + ",AccountID=\"" + account.replace("\"", "") + "\",SessionID=\"" + c.name() + "\",LocalAddress=\"\""
                + ",RemoteAddress=\"" + c.name() + "\",Attempts=\"" + attempts + "\"");
    }

    private static final String SOURCE = VoiceMailApp.SOURCE;
}
