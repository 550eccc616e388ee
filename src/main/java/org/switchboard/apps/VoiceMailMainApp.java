package org.switchboard.apps;

import java.util.List;
import java.util.Map;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundPlayer;
import org.switchboard.res.voicemail.Mailbox;
import org.switchboard.res.voicemail.MailboxFolder;
import org.switchboard.res.voicemail.VoicemailConfig;

/** VoiceMailMain([mailbox][@context][,options]): check voicemail messages (app_voicemail's vm_execmain). */
public final class VoiceMailMainApp implements Application {
    static final String SOURCE = VoiceMailApp.SOURCE;

    @Override public String name() { return "VoiceMailMain"; }
    @Override public String synopsis() { return "Check Voicemail messages."; }
    @Override public String syntax() { return "VoiceMailMain([mailbox][@context][,options])"; }

    @Override
    public String description() {
        return """
                Lets the caller check their voicemail. Without a mailbox the caller is asked for
                one (vm-login), then for its PIN (vm-password); the context is 'default' unless
                given. After maxlogins (voicemail.conf, default 3) wrong attempts the caller hears
                vm-goodbye and the call ends, with a security log line. * as mailbox or PIN jumps
                to extension 'a' of the current context when it exists.
                Once in: "you have N urgent and N new and M old messages" (urgent messages, left
                with VoiceMail's U option, play first, then the new ones), then
                  1 first message   4 previous   5 repeat   6 next   7 delete/undelete
                  8 forward to another mailbox of the context (the number, then #)
                  9 save to a folder   3 advanced: 3 the envelope (date and caller), 2 call the
                    caller back through the box's callback= context, * back
                  2 change folder (0 INBOX, 1 Old, 2 Work, 3 Family, 4 Friends, ...)
                  0 mailbox options: 1 unavailable, 2 busy, 3 name, 4 temporary greeting,
                    5 change the PIN (written back to voicemail.conf), * back
                  * help   # exit
                Deleted messages go and heard new messages move to Old when the caller leaves
                the folder or hangs up; then the MessageWaiting event goes out. After # (or
                three rounds of silence) the dialplan goes on; a failed login ends the call.
                Options:
                  p          the mailbox argument is a prefix to what the caller enters
                  s          skip the PIN check (with a mailbox given)
                  a(folder)  go straight to a folder (number or name) and play its first message
                  g(#)       # decibels of gain on the greetings recorded in the mailbox options
                  r          read only: messages cannot be deleted""";
    }

    @Override
    public Result execute(Channel c, String data) {
        List<String> args = AppSupport.separate(data == null ? "" : data, ',', true, 2);
        String spec = AppSupport.arg(args, 0) == null ? "" : AppSupport.arg(args, 0).strip();
        String optText = AppSupport.arg(args, 1);
        Map<Character, String> opts = AppSupport.isEmpty(optText) ? Map.of() : AppArgs.options(optText);
        String box = spec, context = null;
        int at = spec.indexOf('@');
        if (at >= 0) {
            box = spec.substring(0, at);
            context = spec.substring(at + 1);
        }
        if (context == null || context.isEmpty()) context = "default";
        if (c.state() != ChannelState.UP) c.answer();

        VoicemailConfig cfg = VoicemailConfig.of(c.pbx());
        boolean prefix = opts.containsKey('p');
        boolean skipUser = !box.isEmpty() && !prefix;
        Mailbox m;
        if (skipUser && opts.containsKey('s') && cfg != null && cfg.mailbox(box, context) != null) {
            m = cfg.mailbox(box, context);
        } else {
            VoiceMailLogin.Outcome login = VoiceMailLogin.authenticate(c, cfg, skipUser ? box : "", context,
                    prefix ? box : "", skipUser, maxLogins(cfg), false);
            if (login.jumpToA()) {
                c.jumpTo(c.context(), "a", 1);
                return Result.CONTINUE;
            }
            if (login.mailbox() == null) return Result.HANGUP;
            m = login.mailbox();
        }
        int folder = -1;
        if (opts.containsKey('a')) folder = autoFolder(opts.get('a'));
        boolean readOnly = opts.containsKey('r');
        new VoiceMailMenu(c, m, readOnly, gain(opts.get('g'))).run(folder); // a hangup ends it by exception
        return Result.CONTINUE; // after # or silence the dialplan goes on, as vm_execmain returns 0
    }

    private static int maxLogins(VoicemailConfig cfg) {
        if (cfg == null) return 3;
        try {
            int n = Integer.parseInt(cfg.general().getOrDefault("maxlogins", "3").strip());
            return n > 0 ? n : 3;
        } catch (NumberFormatException e) {
            return 3;
        }
    }

    /** g(#): whole decibels; not a number is a warning and no gain. */
    static int gain(String v) {
        if (v == null) return 0;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            PbxLog.warning(SOURCE, "Invalid value '" + v + "' provided for voicemail gain, ignored");
            return 0;
        }
    }

    /** a(folder): a digit or a folder's name; anything else is INBOX, as app_voicemail warns. */
    static int autoFolder(String v) {
        if (v == null || v.isEmpty()) return 0;
        int n = -1;
        if (Character.isDigit(v.charAt(0))) {
            try {
                n = Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
        } else {
            for (int i = 0; i < MailboxFolder.FOLDERS.size(); i++) {
                if (MailboxFolder.FOLDERS.get(i).equalsIgnoreCase(v.strip())) n = i;
            }
        }
        if (n < 0 || n > 9) {
            PbxLog.warning(SOURCE, "Invalid value '" + v + "' provided for folder autoplay option. Defaulting to 'INBOX'");
            n = 0;
        }
        return n;
    }

    /** ast_play_and_wait: plays a prompt that any digit stops; a missing prompt is skipped (0). */
    static int play(Channel c, String prompt) {
        int r = SoundPlayer.play(c, prompt, SoundPlayer.ANY_DIGIT);
        return r < 0 ? 0 : r;
    }

    /** ast_waitfordigit: a digit, or 0 after {@code ms}. */
    static int waitDigit(Channel c, long ms) { return WaitExtenApp.waitForDigit(c, ms); }

    /** The prompt playing (stopped by the first digit), then ast_readstring(…, 2000, 10000, "#"). */
    static String readDigits(Channel c, String prompt, int max) {
        int first = prompt == null ? 0 : play(c, prompt);
        StringBuilder s = new StringBuilder();
        MediaDigits.readString(c, s, max, 2000, 10_000, "#", (char) first);
        return s.toString();
    }
}
