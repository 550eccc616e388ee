package org.switchboard.apps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundPlayer;
import org.switchboard.res.astdb.AstDb;

/** Authenticate(password[,options[,maxdigits[,prompt]]]): ask for a password before the dialplan goes on (app_authenticate). */
public final class AuthenticateApp implements Application {
    private static final int ATTEMPTS = 3;
    private static final int MAX_DIGITS = 254;

    @Override public String name() { return "Authenticate"; }
    @Override public String synopsis() { return "Authenticate a user"; }
    @Override public String syntax() { return "Authenticate(password[,options[,maxdigits[,prompt[&prompt2[&...]]]]])"; }

    @Override
    public String description() {
        return """
                Answers the channel and asks the caller for a password (prompt agent-pass, then
                auth-incorrect after a wrong one), read up to # or maxdigits digits (1-254; default
                no limit). After three wrong attempts it plays vm-goodbye and the call ends; a right
                one plays auth-thankyou and the dialplan goes on.
                  password  the digits to enter; when it starts with /, a file with one valid
                            password per line
                Options:
                  a  set the channel's account code to the password entered
                  d  the password /family names an AstDB family: the digits entered must be a
                     key in it (any value)
                  r  with d, remove that key once it was used
                  m  the file's lines are accountcode:md5-of-password; the account code of the
                     line that matched is set with a
                  prompt  other prompts than agent-pass, separated by &""";
    }

    @Override
    public Result execute(Channel c, String data) {
        if (AppSupport.isEmpty(data)) {
            PbxLog.warning("app_authenticate.c", "Authenticate requires an argument(password)");
            return Result.HANGUP;
        }
        if (c.state() != ChannelState.UP) c.answer();
        List<String> args = AppSupport.separate(data, ',', true, 4);
        String password = AppSupport.arg(args, 0) == null ? "" : AppSupport.arg(args, 0);
        Map<Character, String> opts = AppSupport.isEmpty(AppSupport.arg(args, 1)) ? Map.of() : AppArgs.options(AppSupport.arg(args, 1));
        int maxDigits = MAX_DIGITS;
        if (!AppSupport.isEmpty(AppSupport.arg(args, 2))) {
            int m = AppSupport.atoi(AppSupport.arg(args, 2));
            if (m >= 1 && m <= MAX_DIGITS) maxDigits = m;
        }
        String prompt = AppSupport.isEmpty(AppSupport.arg(args, 3)) ? "agent-pass" : AppSupport.arg(args, 3);
        boolean accountCode = opts.containsKey('a');
        boolean md5Lines = opts.containsKey('m');

        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String entered = MediaDigits.getData(c, prompt, maxDigits, 0, "#").digits();
            Verdict v = check(c, password, entered, opts);
            if (v == Verdict.UNREADABLE) continue;   // the prompt stays agent-pass, as Asterisk's 'continue'
            if (v == Verdict.RIGHT) {
                if (accountCode && !md5Lines) c.setAccountCode(entered);
                return SoundPlayer.play(c, "auth-thankyou", SoundPlayer.NO_DIGIT) < 0 ? Result.HANGUP : Result.CONTINUE;
            }
            prompt = "auth-incorrect";
        }
        SoundPlayer.play(c, "vm-goodbye", SoundPlayer.NO_DIGIT);
        return Result.HANGUP;
    }

    private enum Verdict { RIGHT, WRONG, UNREADABLE }

    private static Verdict check(Channel c, String password, String entered, Map<Character, String> opts) {
        if (!password.startsWith("/")) return password.equals(entered) ? Verdict.RIGHT : Verdict.WRONG;
        if (opts.containsKey('d')) {
            AstDb db = AstDb.of(c.pbx());
            String family = password.substring(1);
            if (db.get(family, entered) == null) return Verdict.WRONG;
            if (opts.containsKey('r')) db.del(family, entered);
            return Verdict.RIGHT;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(password), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            PbxLog.warning("app_authenticate.c", "Unable to open file '" + password + "' for authentication: " + e.getMessage());
            return Verdict.UNREADABLE;
        }
        boolean md5Lines = opts.containsKey('m');
        for (String line : lines) {
            if (line.isEmpty()) continue;
            if (md5Lines) {
                int colon = line.indexOf(':');
                if (colon < 0) continue;
                if (md5Hex(entered).equals(line.substring(colon + 1))) {
                    if (opts.containsKey('a')) c.setAccountCode(line.substring(0, colon));
                    return Verdict.RIGHT;
                }
            } else if (line.equals(entered)) {
                if (opts.containsKey('a')) c.setAccountCode(line);
                return Verdict.RIGHT;
            }
        }
        return Verdict.WRONG;
    }

    /** ast_md5_hash: lower-case hex. */
    static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
