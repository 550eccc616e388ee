package org.switchboard.apps;

import java.util.List;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupException;

/** WaitDigit([seconds[,digits]]): wait for one of the accepted digits (pbx_builtins). */
public final class WaitDigitApp implements Application {
    @Override public String name() { return "WaitDigit"; }
    @Override public String synopsis() { return "Waits for a digit to be entered."; }
    @Override public String syntax() { return "WaitDigit([seconds[,digits]])"; }

    @Override
    public String description() {
        return """
                Waits the given seconds (fractions allowed, e.g. 1.5; units ms, s, m, h) for the
                caller to press one of the accepted digits (all when none are given); other digits
                are ignored. The dialplan does not jump: the digit is only reported.
                Sets WAITDIGITSTATUS:
                  ERROR    the time is missing, not a time, or negative
                  DTMF     an accepted digit was pressed; WAITDIGITRESULT holds it
                  TIMEOUT  the time passed without an accepted digit
                  CANCEL   the channel hung up or was redirected (the dialplan ends there)""";
    }

    @Override
    public Result execute(Channel c, String data) {
        List<String> args = AppSupport.separate(data, ',', true, 2);
        long ms = AppSupport.isEmpty(AppSupport.arg(args, 0)) ? -1 : AppSupport.parseTimeLenSeconds(AppSupport.arg(args, 0));
        if (ms < 0) {
            c.setVar("WAITDIGITSTATUS", "ERROR");
            return Result.CONTINUE;
        }
        String accepted = AppSupport.arg(args, 1);
        char digit;
        try {
            c.checkHangup();
            digit = waitFor(c, ms, AppSupport.isEmpty(accepted) ? null : accepted);
        } catch (HangupException e) {
            c.setVar("WAITDIGITSTATUS", "CANCEL");
            throw e;
        }
        if (digit == 0) {
            c.setVar("WAITDIGITSTATUS", "TIMEOUT");
        } else {
            c.setVar("WAITDIGITRESULT", String.valueOf(digit));
            c.setVar("WAITDIGITSTATUS", "DTMF");
        }
        return Result.CONTINUE;
    }

    /** ast_waitfordigit_full: the first accepted digit (null: any) that ends within {@code ms}, or 0. */
    private static char waitFor(Channel c, long ms, String accepted) {
        long deadline = System.nanoTime() + ms * 1_000_000L;
        for (;;) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) return 0;
            Frame f = c.read(left);
            if (f instanceof Frame.DtmfFrame d && d.end() && (accepted == null || accepted.indexOf(d.digit()) >= 0)) return d.digit();
        }
    }
}
