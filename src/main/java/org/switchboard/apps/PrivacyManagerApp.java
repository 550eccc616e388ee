package org.switchboard.apps;

import java.util.List;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundPlayer;

/** PrivacyManager([maxretries[,minlength[,options[,context]]]]): make a caller without caller ID enter a number (app_privacy). */
public final class PrivacyManagerApp implements Application {
    /** ast_readstring's timeouts in app_privacy: 5 s for the first digit, 3.2 s between digits. */
    private static final long FIRST_DIGIT_MS = 5000, NEXT_DIGIT_MS = 3200;
    private static final int MAX_LENGTH = 29;

    @Override public String name() { return "PrivacyManager"; }
    @Override public String synopsis() { return "Require phone number to be entered, if no CallerID sent"; }
    @Override public String syntax() { return "PrivacyManager([maxretries[,minlength[,options[,context]]]])"; }

    @Override
    public String description() {
        return """
                Does nothing when the caller sent a caller ID number. Otherwise it answers, waits a
                second, plays privacy-unident, then up to maxretries times (default 3) plays
                privacy-prompt and reads a number ended by # (5 s for the first digit, 3.2 s
                between digits; digits during a prompt are not kept). A number shorter than
                minlength (default 10), or one that is no extension of context when a context is
                given, plays privacy-incorrect. A good number plays privacy-thankyou and becomes
                the caller ID (number, name "Privacy Manager", presentation allowed).
                  options  reserved; not used
                Sets PRIVACYMGRSTATUS to SUCCESS or FAILED (also when a prompt is missing).""";
    }

    @Override
    public Result execute(Channel c, String data) {
        if (!AppSupport.isEmpty(c.callerId().number())) {
            PbxLog.verbose(3, "CallerID number present: Skipping");
            return Result.CONTINUE;
        }
        if (c.state() != ChannelState.UP) c.answer();
        List<String> args = AppSupport.separate(data == null ? "" : data, ',', true, 4);
        int maxRetries = positive(AppSupport.arg(args, 0), 3, "Invalid max retries argument: '");
        int minLength = positive(AppSupport.arg(args, 1), 10, "Invalid min length argument: '");
        String checkContext = AppSupport.arg(args, 3);

        c.sleep(1000);
        boolean ok = play(c, "privacy-unident");
        String phone = "";
        int retries = 0;
        for (; ok && retries < maxRetries; retries++) {
            if (!play(c, "privacy-prompt")) {
                ok = false;
                break;
            }
            StringBuilder s = new StringBuilder();
            MediaDigits.readString(c, s, MAX_LENGTH, NEXT_DIGIT_MS, FIRST_DIGIT_MS, "#", (char) 0);
            phone = s.toString();
            if (phone.length() >= minLength
                    && (AppSupport.isEmpty(checkContext) || c.pbx().dialplan().exists(checkContext, phone, 1, null))) {
                break;
            }
            if (!play(c, "privacy-incorrect")) {
                ok = false;
                break;
            }
        }
        if (ok && retries < maxRetries) {
            play(c, "privacy-thankyou");
            c.callerId().setNumber(phone);
            c.callerId().setName("Privacy Manager");
            c.callerId().setPres(0);   // allowed, user number not screened
            c.pbx().events().newCallerid(c);
            PbxLog.verbose(3, "Changed Caller*ID number to '" + phone + "'");
            c.setVar("PRIVACYMGRSTATUS", "SUCCESS");
        } else {
            c.setVar("PRIVACYMGRSTATUS", "FAILED");
        }
        return Result.CONTINUE;
    }

    private static boolean play(Channel c, String prompt) { return SoundPlayer.play(c, prompt, SoundPlayer.NO_DIGIT) >= 0; }

    /** sscanf %d above 0, else the default with Asterisk's warning. */
    private static int positive(String text, int dflt, String warning) {
        if (AppSupport.isEmpty(text)) return dflt;
        Integer v = AppSupport.leadingInt(text);
        if (v != null && v > 0) return v;
        PbxLog.warning("app_privacy.c", warning + text + "'");
        return dflt;
    }
}
