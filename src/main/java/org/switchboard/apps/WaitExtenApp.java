package org.switchboard.apps;

import java.util.List;
import java.util.Map;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.core.PbxLog;

/** WaitExten([seconds[,options]]): wait for the caller to dial an extension of this context. */
public final class WaitExtenApp implements Application {
    @Override public String name() { return "WaitExten"; }
    @Override public String synopsis() { return "Waits for an extension to be entered."; }
    @Override public String syntax() { return "WaitExten([seconds[,options]])"; }

    @Override
    public String description() {
        return """
                Waits for the caller to dial an extension of the current context, for the given
                seconds (fractions allowed; when omitted or zero, TIMEOUT(response), 10 seconds by
                default). After the first digit further digits are collected while a longer
                extension could still match, each within TIMEOUT(digit) (5 seconds by default);
                then the dialplan goes to priority 1 of the extension dialed. An
                extension that does not exist goes to 'i' (INVALID_EXTEN is set), or raises the
                INVALID exception when there is an 'e' extension, else the call ends.
                When nothing is dialed in time the dialplan goes on with the next priority if
                there is one, else to 't', else to 'e' (exception RESPONSETIMEOUT), else the call
                ends with a warning.
                Options:
                  m(class)  music on hold while waiting (the class is required)
                  d         dial tone while waiting (accepted; no tone is generated yet)""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        List<String> args = AppSupport.separate(data, ',', true, 2);
        String timeout = AppSupport.arg(args, 0);
        String options = AppSupport.arg(args, 1);
        Map<Character, String> opts = options == null ? Map.of() : AppArgs.options(options);
        boolean moh = opts.containsKey('m');
        if (moh) {
            if (opts.get('m').isEmpty()) {
                PbxLog.warning("pbx_builtins.c", "The 'm' option has been specified for WaitExten without a class.");
            } else {
                channel.indicate(Frame.Control.HOLD);
            }
        }
        long ms = AppSupport.parseTimeLenSeconds(timeout);
        if (ms <= 0) ms = channel.responseTimeoutMs();
        char digit;
        try {
            digit = waitForDigit(channel, ms);
        } finally {
            if (moh) channel.indicate(Frame.Control.UNHOLD);
        }
        return digit == 0 ? timedOut(channel) : MediaDigits.collect(channel, digit);
    }

    /** ast_waitfordigit: the next completed DTMF digit, or 0 when the time is up. */
    static char waitForDigit(Channel channel, long ms) {
        long deadline = System.nanoTime() + ms * 1_000_000L;
        for (;;) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) return 0;
            Frame f = channel.read(left);
            if (f instanceof Frame.DtmfFrame d && d.end()) return d.digit();
        }
    }

    private static Result timedOut(Channel c) {
        if (AppSupport.exists(c, c.context(), c.exten(), c.priority() + 1)) {
            PbxLog.verbose(3, "Timeout on " + c.name() + ", continuing...");
            return Result.CONTINUE;
        }
        if (AppSupport.exists(c, c.context(), "t", 1)) {
            PbxLog.verbose(3, "Timeout on " + c.name() + ", going to 't'");
            c.jumpTo(null, "t", 1);
            return Result.CONTINUE;
        }
        if (AppSupport.exists(c, c.context(), "e", 1)) {
            AppSupport.raiseException(c, "RESPONSETIMEOUT");
            return Result.CONTINUE;
        }
        PbxLog.warning("pbx_builtins.c", "Timeout but no rule 't' or 'e' in context '" + c.context() + "'");
        return Result.HANGUP;
    }
}
