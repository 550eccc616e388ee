package org.switchboard.apps;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.HangupException;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.Indications;
import org.switchboard.media.sound.ToneGenerator;
import org.switchboard.media.sound.TonePlayer;

/** Read(variable[,filename[&...][,maxdigits[,options[,attempts[,timeout]]]]]): read digits into a variable (app_read). */
public final class ReadApp implements Application {
    @Override public String name() { return "Read"; }
    @Override public String synopsis() { return "Read a variable."; }
    @Override public String syntax() { return "Read(variable[,filename[&filename2[&...]][,maxdigits[,options[,attempts[,timeout]]]]])"; }

    @Override
    public String description() {
        return """
                Plays the prompts (a digit interrupts them) and reads digits into the variable,
                until maxdigits are in (1 to 255; 0 or empty: up to 255, ended by #) or # is
                pressed, which is not kept. Before the first digit it waits timeout seconds
                (fractions allowed; default TIMEOUT(response)), between digits the same timeout
                (default TIMEOUT(digit)). With attempts above 1 the prompts are played again
                that many times while nothing is entered.
                Options:
                  s     do nothing (READSTATUS SKIPPED) when the channel is not answered
                  i     filename is a tone of indications.conf (e.g. dial) played until a digit
                  n     read even when the channel is not answered, without answering it
                  t(x)  the digits that end input instead of #; t() for none
                Sets READSTATUS to OK, ERROR, HANGUP, INTERRUPTED, SKIPPED or TIMEOUT.""";
    }

    @Override
    public Result execute(Channel c, String data) {
        List<String> args = AppSupport.separate(data, ',', true, 6);
        String variable = AppSupport.arg(args, 0);
        if (AppSupport.isEmpty(variable)) {
            PbxLog.warning("app_read.c", "Read requires an variable name");
            c.setVar("READSTATUS", "ERROR");
            return Result.CONTINUE;
        }
        String files = AppSupport.arg(args, 1) == null ? "" : AppSupport.arg(args, 1);
        int maxDigits = 255;
        if (!AppSupport.isEmpty(AppSupport.arg(args, 2))) {
            int m = AppSupport.atoi(AppSupport.arg(args, 2));
            if (m >= 1 && m <= 255) {
                maxDigits = m;
                PbxLog.verbose(3, "Accepting a maximum of " + m + " digits.");
            }
        }
        Map<Character, String> opts = AppArgs.options(AppSupport.isEmpty(AppSupport.arg(args, 3)) ? "" : AppSupport.arg(args, 3));
        int tries = AppSupport.isEmpty(AppSupport.arg(args, 4)) ? 1 : Math.max(1, AppSupport.atoi(AppSupport.arg(args, 4)));
        long timeoutMs = 0;
        if (!AppSupport.isEmpty(AppSupport.arg(args, 5))) {
            double secs = atof(AppSupport.arg(args, 5));
            timeoutMs = secs <= 0 ? 0 : (long) (secs * 1000.0);
        }
        String terminators = opts.containsKey('t') ? opts.get('t') : "#";
        Optional<String> tone = opts.containsKey('i') && !files.isEmpty()
                ? Indications.of(c.pbx()).zone(null).tone(files.strip()) : Optional.empty();

        if (c.state() != ChannelState.UP) {
            if (opts.containsKey('s')) {
                c.setVar(variable, "");
                c.setVar("READSTATUS", "SKIPPED");
                return Result.CONTINUE;
            }
            if (!opts.containsKey('n')) c.answer();
        }
        String status = "ERROR";
        String digits = "";
        try {
            while (tries > 0) {
                MediaDigits.Input in = tone.isPresent()
                        ? readWithTone(c, tone.get(), maxDigits, timeoutMs > 0 ? timeoutMs : c.responseTimeoutMs(), terminators)
                        : MediaDigits.getData(c, files, maxDigits, timeoutMs, terminators);
                status = switch (in.status()) {
                    case COMPLETE, EMPTY_END_TERMINATED -> "OK";
                    case TIMEOUT -> "TIMEOUT";
                    case INTERRUPTED -> "INTERRUPTED";
                };
                digits = in.digits();
                c.setVar(variable, digits);
                if (!digits.isEmpty()) {
                    PbxLog.verbose(3, "User entered '" + digits + "'");
                    break;
                }
                tries--;
                PbxLog.verbose(3, tries > 0 ? "User entered nothing, " + tries + " chance" + (tries != 1 ? "s" : "") + " left"
                        : "User entered nothing.");
            }
        } catch (HangupException e) {
            TonePlayer.stop(c);
            c.setVar(variable, digits);
            c.setVar("READSTATUS", "HANGUP");
            PbxLog.verbose(3, "User disconnected");
            throw e;
        }
        c.setVar("READSTATUS", status);
        return Result.CONTINUE;
    }

    /** The 'i' option: the tone plays until the first digit; then digits are read within the timeout. */
    private static MediaDigits.Input readWithTone(Channel c, String tone, int maxDigits, long timeoutMs, String terminators) {
        TonePlayer.start(c, ToneGenerator.of(tone));
        StringBuilder s = new StringBuilder();
        try {
            while (s.length() < maxDigits) {
                char d = WaitExtenApp.waitForDigit(c, timeoutMs);
                TonePlayer.stop(c);
                if (d == 0) return new MediaDigits.Input(MediaDigits.GetData.TIMEOUT, s.toString());
                if (terminators.indexOf(d) >= 0) break;
                s.append(d);
            }
        } finally {
            TonePlayer.stop(c);
        }
        return new MediaDigits.Input(MediaDigits.GetData.COMPLETE, s.toString());
    }

    /** atof: the leading decimal number, or 0. */
    private static double atof(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+))").matcher(s);
        return m.lookingAt() ? Double.parseDouble(m.group(1)) : 0;
    }
}
