package org.switchboard.apps;

import java.util.List;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.core.PbxLog;

/** SendDTMF(digits[,timeout_ms[,duration_ms[,channel[,options]]]]): send DTMF digits (app_senddtmf). */
public final class SendDtmfApp implements Application {
    /** AST_DEFAULT_EMULATE_DTMF_DURATION: no digit is shorter. */
    static final int MIN_DURATION_MS = 100;
    private static final String SENDABLE = "0123456789*#abcdfABCDF";

    @Override public String name() { return "SendDTMF"; }
    @Override public String synopsis() { return "Sends arbitrary DTMF digits"; }
    @Override public String syntax() { return "SendDTMF(digits[,timeout_ms[,duration_ms[,channel[,options]]]])"; }

    @Override
    public String description() {
        return """
                Sends the digits 0-9, *, #, A-D (a-d) as DTMF, one after the other; w is a half
                second pause, W a one second pause, and f or F a flash-hook (ignored: no channel
                here supports one). Other characters are skipped with a warning. It sends all the
                digits or stops when the channel hangs up.
                  timeout_ms   pause after each digit (default 250 ms; units s, m, h allowed)
                  duration_ms  how long each digit lasts (at least 100 ms, the default)
                  channel      the channel (full name or unique ID) that sends them instead of
                               this one; a channel that does not exist is a warning
                Options:
                  a  answer the channel that sends the digits if it is not up yet
                A pause of 100 ms comes before the first digit.""";
    }

    @Override
    public Result execute(Channel c, String data) {
        if (AppSupport.isEmpty(data)) {
            PbxLog.warning("app_senddtmf.c", "SendDTMF requires an argument");
            return Result.CONTINUE;
        }
        List<String> args = AppSupport.separate(data, ',', true, 5);
        String digits = AppSupport.arg(args, 0);
        if (AppSupport.isEmpty(digits)) {
            PbxLog.warning("app_senddtmf.c", "The digits argument is required (0-9,*#,a-d,A-D,wfF)");
            return Result.CONTINUE;
        }
        long between = AppSupport.isEmpty(AppSupport.arg(args, 1)) ? 0 : Math.max(0, AppSupport.parseTimeLenMillis(AppSupport.arg(args, 1)));
        long duration = AppSupport.isEmpty(AppSupport.arg(args, 2)) ? 0 : Math.max(0, AppSupport.parseTimeLenMillis(AppSupport.arg(args, 2)));
        Channel dest = c;
        String name = AppSupport.arg(args, 3);
        if (!AppSupport.isEmpty(name)) {
            dest = c.pbx().channels().byName(name);
            if (dest == null) dest = c.pbx().channels().byUniqueId(name);
            if (dest == null) {
                PbxLog.warning("app_senddtmf.c", "No such channel: " + name);
                return Result.CONTINUE;
            }
        }
        String options = AppSupport.arg(args, 4);
        if (!AppSupport.isEmpty(options) && AppArgs.options(options).containsKey('a')) dest.answer();
        stream(c, dest, digits, between <= 0 ? 250 : between, duration);
        return Result.CONTINUE;
    }

    /**
     * ast_dtmf_stream: 100 ms of quiet, then each digit (begin, its duration, end) followed by the
     * pause. The pauses are slept on {@code self}, so its hangup ends the stream; another
     * destination that goes away ends it too.
     */
    static void stream(Channel self, Channel dest, String digits, long betweenMs, long durationMs) {
        long duration = Math.max(MIN_DURATION_MS, durationMs);
        self.sleep(100);
        for (char d : digits.toCharArray()) {
            if (dest != self && (dest.isDestroyed() || dest.isHangupRequested())) return;
            if (d == 'w') {
                self.sleep(500);
            } else if (d == 'W') {
                self.sleep(1000);
            } else if (SENDABLE.indexOf(d) >= 0) {
                if (d != 'f' && d != 'F') {
                    dest.write(new Frame.DtmfFrame(d, false, 0));
                    self.sleep(duration);
                    dest.write(new Frame.DtmfFrame(d, true, (int) Math.min(Integer.MAX_VALUE, duration)));
                }
                self.sleep(betweenMs);
            } else {
                PbxLog.warning("app.c", "Illegal DTMF character '" + d + "' in string. (0-9*#aAbBcCdD allowed)");
            }
        }
    }
}
