package org.switchboard.apps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.Frame;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.Indications;
import org.switchboard.media.sound.ToneGenerator;
import org.switchboard.media.sound.TonePlayer;

/** DISA(passcode|filename[,context[,cid[,mailbox[@context][,options]]]]): Direct Inward System Access (app_disa). */
public final class DisaApp implements Application {
    private static final int MAX_EXTENSION = 80;   // AST_MAX_EXTENSION
    private static final long REORDER_MS = 10_000;

    @Override public String name() { return "DISA"; }
    @Override public String synopsis() { return "Direct Inward System Access."; }
    @Override public String syntax() { return "DISA(passcode|filename[,context[,cid[,mailbox[@context][,options]]]])"; }

    @Override
    public String description() {
        return """
                Gives an outside caller an inside dial tone. It answers (unless 'n') and plays dial
                tone; the caller enters the passcode and #, hears dial tone again and dials an
                extension of the context (default disa), which the dialplan then goes to (i with
                INVALID_EXTEN set when it does not exist). A bad passcode or no digit in time
                (TIMEOUT(response) for the first digit, TIMEOUT(digit) after) gives congestion for
                ten seconds and the call ends. Anyone who knows the passcode calls as the PBX.
                  passcode  digits, or no-password for none, or the path of a file whose lines are
                            passcode[,context[,cid[,mailbox]]] (blank lines and lines starting
                            with # or ; are skipped)
                  cid       the caller ID to call with ("Name" <number>)
                  mailbox   accepted; the stutter dial tone for new voicemail is not played
                Options:
                  n  do not answer
                  p  # ends the extension
                The account code becomes the passcode entered.""";
    }

    /** The arguments, which a line of the passcode file replaces. */
    private record Args(String passcode, String context, String cid) {
        static Args of(List<String> a) {
            String ctx = AppSupport.arg(a, 1);
            return new Args(AppSupport.arg(a, 0) == null ? "" : AppSupport.arg(a, 0), AppSupport.isEmpty(ctx) ? "disa" : ctx,
                    AppSupport.arg(a, 2));
        }
    }

    @Override
    public Result execute(Channel c, String data) {
        if (AppSupport.isEmpty(data)) {
            PbxLog.warning("app_disa.c", "DISA requires an argument (passcode/passcode file)");
            return Result.HANGUP;
        }
        List<String> parsed = AppSupport.separate(data, ',', true, 5);
        Args args = Args.of(parsed);
        Map<Character, String> opts = AppSupport.isEmpty(AppSupport.arg(parsed, 4)) ? Map.of() : AppArgs.options(AppSupport.arg(parsed, 4));
        if (!opts.containsKey('n') && c.state() != ChannelState.UP) c.answer();
        boolean loggedIn = args.passcode().equalsIgnoreCase("no-password");
        boolean anyDigit = false;
        String accountCode = "";
        StringBuilder exten = new StringBuilder();
        dialTone(c);
        try {
            long last = System.nanoTime();
            for (;;) {
                long limit = anyDigit ? c.digitTimeoutMs() : c.responseTimeoutMs();
                long left = limit - (System.nanoTime() - last) / 1_000_000L;
                if (left <= 0) {
                    PbxLog.debug("app_disa.c", "DISA " + (loggedIn ? "extension" : "password") + " entry timeout on chan " + c.name());
                    break;   // what was dialed so far may be an extension
                }
                if (!(c.read(left) instanceof Frame.DtmfFrame f) || !f.end()) continue;
                char d = f.digit();
                if (exten.isEmpty()) {
                    anyDigit = true;
                    TonePlayer.stop(c);
                }
                last = System.nanoTime();
                if (exten.length() >= MAX_EXTENSION) continue;
                if (!loggedIn) {
                    if (d != '#') {
                        exten.append(d);
                        continue;
                    }
                    Args found = AppSupport.leadingInt(args.passcode()) == null ? fromFile(c, args.passcode(), exten.toString()) : args;
                    if (found == null) return Result.HANGUP;
                    if (!exten.toString().equals(found.passcode())) {
                        PbxLog.warning("app_disa.c", "DISA on chan " + c.name() + " got bad password " + exten);
                        return reorder(c);
                    }
                    args = found;
                    dialTone(c);
                    loggedIn = true;
                    accountCode = exten.length() > 19 ? exten.substring(0, 19) : exten.toString();
                    exten.setLength(0);
                    continue;
                }
                String cid = c.callerId().number();
                if (d == '#' && !(exten.isEmpty() && (c.pbx().dialplan().matchMore(args.context(), "#", cid)
                        || AppSupport.exists(c, args.context(), "#", 1)))) {
                    break;
                }
                exten.append(d);
                if (opts.containsKey('p') && d == '#') {
                    exten.setLength(exten.length() - 1);
                    break;
                }
                if (!c.pbx().dialplan().matchMore(args.context(), exten.toString(), cid)) break;
            }
        } finally {
            TonePlayer.stop(c);
        }
        if (loggedIn && anyDigit) {
            String target = exten.toString();
            if (!AppSupport.exists(c, args.context(), target, 1)) {
                c.setVar("INVALID_EXTEN", target);
                target = "i";
            }
            if (AppSupport.exists(c, args.context(), target, 1)) {
                if (!AppSupport.isEmpty(args.cid())) {
                    c.callerId().setAll(args.cid());
                    c.callerId().setAni(c.callerId().number());
                    c.pbx().events().newCallerid(c);
                }
                if (!accountCode.isEmpty()) c.setAccountCode(accountCode);
                if (c.pbx().modules().application("ResetCDR") != null) c.pbx().execute(c, "ResetCDR", "");
                c.jumpTo(args.context(), target, 1);
                return Result.CONTINUE;
            }
        }
        return reorder(c);
    }

    /** The passcode file: the first line whose passcode (a number) is the one entered; null when the file cannot be read. */
    private static Args fromFile(Channel c, String file, String entered) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            PbxLog.warning("app_disa.c", "DISA password file " + file + " not found on chan " + c.name());
            return null;
        }
        Args last = new Args(file, "disa", null);
        for (String line : lines) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            Args a = Args.of(AppSupport.separate(line, ',', true, 5));
            last = a;   // as in app_disa, a file without the passcode ends on its last line, which does not match
            if (AppSupport.leadingInt(a.passcode()) == null) continue;
            if (a.passcode().equals(entered)) return a;
        }
        return last;
    }

    /** The zone's dial tone (350+440 Hz without one). The stutter tone for new voicemail needs a voicemail module: not played. */
    private static void dialTone(Channel c) {
        String tone = Indications.of(c.pbx()).zone(null).tone("dial").orElse("350+440");
        TonePlayer.start(c, ToneGenerator.of(tone));
    }

    /** Congestion for ten seconds, then the call ends. */
    private static Result reorder(Channel c) {
        c.indicate(Frame.Control.CONGESTION);
        try {
            c.sleep(REORDER_MS);
        } finally {
            TonePlayer.stop(c);
        }
        return Result.HANGUP;
    }
}
