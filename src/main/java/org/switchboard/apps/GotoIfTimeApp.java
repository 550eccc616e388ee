package org.switchboard.apps;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.dialplan.TimeSpec;

/** GotoIfTime(times,weekdays,mdays,months[,timezone]?[labeliftrue][:labeliffalse]). */
public final class GotoIfTimeApp implements Application {
    @Override public String name() { return "GotoIfTime"; }
    @Override public String synopsis() { return "Conditional Goto based on the current time."; }
    @Override public String syntax() { return "GotoIfTime(times,weekdays,mdays,months[,timezone]?[labeliftrue][:labeliffalse])"; }

    @Override
    public String description() {
        return """
                Jumps to labeliftrue when the current time is inside the time specification, to
                labeliffalse otherwise; a label that is omitted means no jump. Labels are written as
                for Goto. The specification is the one of time-based includes:
                  times     HH:MM-HH:MM or *
                  weekdays  mon-fri, sun&sat, ... or *
                  mdays     1-31 ranges or *
                  months    jan-dec ranges or *
                  timezone  optional, e.g. Europe/Berlin
                A specification that cannot be read counts as not matching. Setting the channel
                variable TESTTIME to a Unix time (seconds) evaluates the condition at that time
                instead of now (see the TESTTIME function).""";
    }

    static final String USAGE = "GotoIfTime requires an argument:\n"
            + "  <time range>,<days of week>,<days of month>,<months>[,<timezone>]?'labeliftrue':'labeliffalse'";

    @Override
    public Result execute(Channel channel, String data) {
        if (data == null || data.isEmpty()) {
            PbxLog.warning("pbx_builtins.c", USAGE);
            return Result.HANGUP;
        }
        Instant when = Instant.now();
        String testTime = channel.pbx().vars().get(channel, "TESTTIME");
        if (testTime != null) {
            Integer secs = AppSupport.leadingInt(testTime);
            if (secs != null) {
                when = Instant.ofEpochSecond(secs);
            } else {
                PbxLog.warning("pbx_builtins.c", "Using current time to evaluate");
                channel.unsetVar("TESTTIME");
            }
        }
        int q = data.indexOf('?');
        String spec = q < 0 ? data : data.substring(0, q);
        String branch1 = null;
        String branch2 = null;
        if (q >= 0) {
            String rest = data.substring(q + 1);
            int colon = rest.indexOf(':');
            branch1 = colon < 0 ? rest : rest.substring(0, colon);
            branch2 = colon < 0 ? null : rest.substring(colon + 1);
        }
        String branch = matches(spec, ZonedDateTime.ofInstant(when, ZoneId.systemDefault())) ? branch1 : branch2;
        if (AppSupport.isEmpty(branch)) return Result.CONTINUE;
        return GotoApp.jump(channel, branch) ? Result.CONTINUE : Result.HANGUP;
    }

    /** ast_build_timing && ast_check_timing2: a spec that does not parse simply does not match. */
    private static boolean matches(String spec, ZonedDateTime when) {
        try {
            return TimeSpec.parse(spec).matches(when);
        } catch (IllegalArgumentException e) {
            PbxLog.warning("pbx_timing.c", e.getMessage());
            return false;
        }
    }
}
