package org.switchboard.apps;

import java.io.IOException;
import java.util.Arrays;
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
import org.switchboard.media.sound.SoundFile;
import org.switchboard.media.sound.SoundLibrary;
import org.switchboard.media.sound.SoundPlayer;
import org.switchboard.media.sound.ToneGenerator;
import org.switchboard.media.sound.TonePlayer;

/** ReadExten(variable[,filename[,context[,option[,timeout]]]]): read an extension into a variable (app_readexten). */
public final class ReadExtenApp implements Application {
    private static final int MAX_DIGITS = 255;
    private static final String STATUS = "READEXTENSTATUS";

    @Override public String name() { return "ReadExten"; }
    @Override public String synopsis() { return "Read an extension into a variable."; }
    @Override public String syntax() { return "ReadExten(variable[,filename[,context[,option[,timeout]]]])"; }

    @Override
    public String description() {
        return """
                Plays the file (a digit stops it) and reads digits while a longer extension of the
                context (default: the current one) could still match; the extension is complete
                when none could. A # that completes no extension is not kept.
                The first digit is awaited timeout seconds (whole seconds; 0, empty or negative:
                TIMEOUT(response)) counted from the start of the file, each further digit
                TIMEOUT(digit).
                Options:
                  s  do nothing (READEXTENSTATUS SKIP) when the channel is not answered
                  i  filename is a tone of indications.conf, or else a tone list (350+440)
                     when no such sound file exists; it plays until the first digit
                  n  read even when the channel is not answered, without answering it
                  p  # ends the extension
                Sets READEXTENSTATUS:
                  OK       the variable holds an extension that exists
                  TIMEOUT  nothing was dialed; the variable is set to t
                  INVALID  the digits are no extension; the variable is set to i and
                           INVALID_EXTEN holds them
                  SKIP     the channel was not answered and 's' was given
                  ERROR    no variable was given
                  HANGUP   the channel hung up (the dialplan ends)""";
    }

    @Override
    public Result execute(Channel c, String data) {
        if (AppSupport.isEmpty(data)) {
            PbxLog.warning("app_readexten.c", "ReadExten requires at least one argument");
            c.setVar(STATUS, "ERROR");
            return Result.CONTINUE;
        }
        List<String> args = AppSupport.separate(data, ',', true, 5);
        String variable = AppSupport.arg(args, 0);
        if (AppSupport.isEmpty(variable)) {
            PbxLog.warning("app_readexten.c", "Usage: ReadExten(variable[,filename[,context[,options[,timeout]]]])");
            c.setVar(STATUS, "ERROR");
            return Result.CONTINUE;
        }
        String file = AppSupport.isEmpty(AppSupport.arg(args, 1)) ? null : AppSupport.arg(args, 1);
        String context = AppSupport.isEmpty(AppSupport.arg(args, 2)) ? c.context() : AppSupport.arg(args, 2);
        Map<Character, String> opts = AppSupport.isEmpty(AppSupport.arg(args, 3)) ? Map.of() : AppArgs.options(AppSupport.arg(args, 3));
        long timeout = AppSupport.isEmpty(AppSupport.arg(args, 4)) ? 0 : AppSupport.atoi(AppSupport.arg(args, 4)) * 1000L;
        if (timeout <= 0) timeout = c.responseTimeoutMs();

        if (c.state() != ChannelState.UP) {
            if (opts.containsKey('s')) {
                c.setVar(variable, "");
                c.setVar(STATUS, "SKIP");
                return Result.CONTINUE;
            }
            if (!opts.containsKey('n')) c.answer();
        }
        try {
            String status = read(c, variable, file, context, opts, timeout);
            c.setVar(STATUS, status);
            return Result.CONTINUE;
        } catch (HangupException e) {
            TonePlayer.stop(c);
            c.setVar(STATUS, "HANGUP");
            throw e;
        }
    }

    private static String read(Channel c, String variable, String file, String context, Map<Character, String> opts, long timeout) {
        TonePlayer.stop(c);
        SoundFile prompt = null;
        if (file != null && !(opts.containsKey('i') && startTone(c, file))) prompt = load(c, file);
        String cid = c.callerId().number();
        StringBuilder exten = new StringBuilder();
        long wait = timeout;
        for (int x = 0; x < MAX_DIGITS; x++) {
            char digit;
            if (prompt != null) {
                digit = playThenWait(c, prompt, wait);
                prompt = null;
            } else {
                digit = WaitExtenApp.waitForDigit(c, wait);
            }
            TonePlayer.stop(c);
            wait = c.digitTimeoutMs();
            if (digit == 0) {
                if (x == 0) {
                    c.setVar(variable, "t");
                    return "TIMEOUT";
                }
                break;
            }
            if (digit == '#' && opts.containsKey('p')) break;
            exten.append(digit);
            if (!c.pbx().dialplan().matchMore(context, exten.toString(), cid)) {
                if (digit == '#' && !AppSupport.exists(c, context, exten.toString(), 1)) exten.setLength(exten.length() - 1);
                break;
            }
        }
        if (AppSupport.exists(c, context, exten.toString(), 1)) {
            c.setVar(variable, exten.toString());
            return "OK";
        }
        c.setVar(variable, "i");
        c.setVar("INVALID_EXTEN", exten.toString());
        return "INVALID";
    }

    /**
     * The 'i' option: a tone of the indications zone, else the text as a tone list when no sound
     * file has that name.
     *
     * @return false when it names a sound file, which then plays as a prompt
     */
    private static boolean startTone(Channel c, String file) {
        String list = Indications.of(c.pbx()).zone(null).tone(file.strip()).orElse(null);
        if (list == null) {
            if (SoundLibrary.of(c.pbx()).exists(file, c.language())) return false;
            list = file;
        }
        try {
            TonePlayer.start(c, ToneGenerator.of(list));
        } catch (IllegalArgumentException e) {
            PbxLog.warning("indications.c", "Unable to start playtones: " + e.getMessage());
        }
        return true;
    }

    /** ast_streamfile: the prompt, or null with Asterisk's warning when it cannot be played. */
    private static SoundFile load(Channel c, String name) {
        SoundLibrary lib = SoundLibrary.of(c.pbx());
        Optional<SoundLibrary.Sound> found = lib.find(name, c.language());
        if (found.isEmpty()) {
            PbxLog.warning("file.c", "File " + name + " does not exist in any format");
            return null;
        }
        try {
            SoundFile f = lib.load(found.get());
            PbxLog.verbose(3, "<" + c.name() + "> Playing '" + found.get().display() + "' (language '" + found.get().language() + "')");
            return f;
        } catch (IOException | RuntimeException e) {
            PbxLog.warning("file.c", "Unable to open " + name + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * The prompt plays while the first digit is awaited, as a stream does in Asterisk: the timeout
     * runs from its start, so a prompt longer than the timeout is cut off.
     */
    private static char playThenWait(Channel c, SoundFile prompt, long timeoutMs) {
        long start = System.nanoTime();
        int maxBytes = (int) Math.min(prompt.slin().length, timeoutMs * SoundFile.RATE / 1000 * 2);
        SoundFile part = maxBytes == prompt.slin().length ? prompt
                : new SoundFile(prompt.path(), prompt.format(), Arrays.copyOf(prompt.slin(), maxBytes));
        int d = SoundPlayer.play(c, part, SoundPlayer.ANY_DIGIT);
        if (d > 0) return (char) d;
        long left = timeoutMs - (System.nanoTime() - start) / 1_000_000L;
        return left <= 0 ? 0 : WaitExtenApp.waitForDigit(c, left);
    }
}
