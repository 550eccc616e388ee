package org.switchboard.apps;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.HangupException;
import org.switchboard.core.PbxLog;

/** WaitUntil(epoch): wait until a given time (app_waituntil). */
public final class WaitUntilApp implements Application {
    private static final Pattern EPOCH = Pattern.compile("\\s*([+-]?\\d{1,30})(\\.\\d*)?");

    @Override public String name() { return "WaitUntil"; }
    @Override public String synopsis() { return "Wait (sleep) until the current time is the given epoch."; }
    @Override public String syntax() { return "WaitUntil(epoch)"; }

    @Override
    public String description() {
        return """
                Waits until the given time, in seconds since 1970-01-01 UTC (fractions allowed,
                e.g. 1700000000.5). Digits pressed meanwhile are ignored.
                Sets WAITUNTILSTATUS:
                  OK       the time came
                  FAILURE  no time, or not a number
                  HANGUP   the channel hung up first
                  PAST     the time has already passed (a notice; no wait)""";
    }

    @Override
    public Result execute(Channel c, String data) {
        if (AppSupport.isEmpty(data)) {
            PbxLog.warning("app_waituntil.c", "WaitUntil requires an argument(epoch)");
            c.setVar("WAITUNTILSTATUS", "FAILURE");
            return Result.CONTINUE;
        }
        Matcher m = EPOCH.matcher(data);
        if (!m.lookingAt()) {
            PbxLog.warning("app_waituntil.c", "WaitUntil called with non-numeric argument");
            c.setVar("WAITUNTILSTATUS", "FAILURE");
            return Result.CONTINUE;
        }
        long seconds = parseClamped(m.group(1));
        double fraction = m.group(2) == null || m.group(2).length() < 2 ? 0 : Double.parseDouble("0" + m.group(2));
        long nowMs = System.currentTimeMillis();
        long futureMs = saturatedMillis(seconds) + (long) (fraction * 1000);
        long waitMs = futureMs - nowMs;
        if (waitMs < 0) {
            PbxLog.notice("app_waituntil.c", "WaitUntil called in the past (now " + nowMs / 1000 + ", arg " + seconds + ")");
            c.setVar("WAITUNTILSTATUS", "PAST");
            return Result.CONTINUE;
        }
        try {
            c.sleep(waitMs);
        } catch (HangupException e) {
            c.setVar("WAITUNTILSTATUS", "HANGUP");
            throw e;
        }
        c.setVar("WAITUNTILSTATUS", "OK");
        return Result.CONTINUE;
    }

    private static long parseClamped(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return digits.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;   // strtol saturates
        }
    }

    private static long saturatedMillis(long seconds) {
        if (seconds > Long.MAX_VALUE / 2000) return Long.MAX_VALUE / 2;
        if (seconds < Long.MIN_VALUE / 2000) return Long.MIN_VALUE / 2;
        return seconds * 1000;
    }
}
