package org.switchboard.apps;

import java.util.List;
import java.util.function.IntPredicate;
import org.switchboard.core.Application.Result;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundPlayer;

/**
 * Digits and prompts together, as main/app.c and the pbx loop take them: playing a list of
 * prompts that a digit interrupts, reading a string of digits (ast_app_getdata_terminator,
 * ast_readstring_full), and going to the extension a digit starts (collect_digits).
 */
final class MediaDigits {
    private MediaDigits() {}

    /** ast_getdata_result. */
    enum GetData { COMPLETE, EMPTY_END_TERMINATED, TIMEOUT, INTERRUPTED }

    record Input(GetData status, String digits) {}

    /** The prompts of an argument such as {@code if-correct-press&digits/1}, blanks stripped. */
    static List<String> prompts(String files) {
        return files == null || files.isEmpty() ? List.of() : List.of(files.split("&", -1)).stream().map(String::strip).toList();
    }

    /**
     * Plays the prompts in order until a digit {@code breakOn} accepts.
     *
     * @return the digit, 0 when all played, {@link SoundPlayer#FAILED} at the first missing prompt
     */
    static int playAll(Channel c, List<String> files, String language, IntPredicate breakOn) {
        for (String f : files) {
            if (f.isEmpty()) continue;
            int r = SoundPlayer.play(c, f, language, breakOn);
            if (r != 0) return r;
        }
        return 0;
    }

    /**
     * ast_app_getdata_terminator: each prompt plays and a digit interrupts it; after a prompt that
     * is not the last, input is awaited only 50 ms; after the last one, {@code timeoutMs} for the
     * first digit and between digits (0: TIMEOUT(response) then TIMEOUT(digit)). A missing prompt is
     * skipped without waiting. Input ends at {@code maxDigits} or at a terminator, which is not kept.
     */
    static Input getData(Channel c, String files, int maxDigits, long timeoutMs, String terminators) {
        List<String> list = prompts(files);
        if (list.isEmpty()) list = List.of("");
        StringBuilder s = new StringBuilder();
        Input r = new Input(GetData.COMPLETE, "");
        for (int i = 0; i < list.size(); i++) {
            String front = list.get(i);
            int first = 0;
            if (!front.isEmpty()) {
                first = SoundPlayer.play(c, front, SoundPlayer.ANY_DIGIT);
                if (first < 0) continue;
            }
            long fto, to;
            if (i == list.size() - 1) {
                fto = timeoutMs > 0 ? timeoutMs : c.responseTimeoutMs();
                to = timeoutMs > 0 ? timeoutMs : c.digitTimeoutMs();
            } else {
                fto = 50;
                to = c.digitTimeoutMs();
            }
            r = readString(c, s, maxDigits, to, fto, terminators, (char) first);
            if (r.status() == GetData.EMPTY_END_TERMINATED || !s.isEmpty()) return r;
        }
        return r;
    }

    /** ast_readstring_full: {@code first} is a digit that already arrived (0: none). */
    static Input readString(Channel c, StringBuilder s, int len, long to, long fto, String enders, char first) {
        long wait = fto;
        for (;;) {
            char d = first != 0 ? first : WaitExtenApp.waitForDigit(c, wait);
            first = 0;
            if (d == 0) return new Input(GetData.TIMEOUT, s.toString());
            boolean ender = enders.indexOf(d) >= 0;
            if (ender && s.isEmpty()) return new Input(GetData.EMPTY_END_TERMINATED, "");
            if (!ender) s.append(d);
            if (ender || s.length() >= len) return new Input(GetData.COMPLETE, s.toString());
            wait = to;
        }
    }

    /**
     * What the pbx loop does with a digit an application returned (Background, interruptible Say*):
     * reads more while a longer extension of the context could match, then goes there, or to
     * {@code i}, or raises INVALID at {@code e}, else the call ends.
     */
    static Result collect(Channel c, char first) {
        String context = c.context();
        String cid = c.callerId().number();
        StringBuilder dialed = new StringBuilder().append(first);
        while (c.pbx().dialplan().matchMore(context, dialed.toString(), cid)) {
            char d = WaitExtenApp.waitForDigit(c, c.digitTimeoutMs());
            if (d == 0) break;
            dialed.append(d);
        }
        String exten = dialed.toString();
        if (AppSupport.exists(c, context, exten, 1)) {
            c.jumpTo(null, exten, 1);
            return Result.CONTINUE;
        }
        if (AppSupport.exists(c, context, "i", 1)) {
            PbxLog.verbose(3, "Invalid extension '" + exten + "' in context '" + context + "' on " + c.name());
            c.setVar("INVALID_EXTEN", exten);
            c.jumpTo(null, "i", 1);
            return Result.CONTINUE;
        }
        if (AppSupport.exists(c, context, "e", 1)) {
            AppSupport.raiseException(c, "INVALID");
            return Result.CONTINUE;
        }
        PbxLog.warning("pbx.c", "Invalid extension '" + exten + "', but no rule 'i' or 'e' in context '" + context + "'");
        return Result.HANGUP;
    }
}
