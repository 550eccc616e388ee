package org.switchboard.apps;

import java.time.ZonedDateTime;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.dialplan.TimeSpec;

/** ExecIfTime(times,weekdays,mdays,months[,timezone]?appname[(appargs)]). */
public final class ExecIfTimeApp implements Application {
    @Override public String name() { return "ExecIfTime"; }
    @Override public String synopsis() { return "Conditional application execution based on the current time."; }
    @Override public String syntax() { return "ExecIfTime(times,weekdays,mdays,months[,timezone]?appname[(appargs)])"; }

    @Override
    public String description() {
        return """
                Runs the application, with its optional arguments, when the current time is inside
                the time specification (written as for GotoIfTime and time-based includes), and
                returns what it returns; outside the specification it does nothing.
                A missing '?', a specification that cannot be read or an application that does not
                exist is a warning and ends the call.""";
    }

    private static final String USAGE = "ExecIfTime requires an argument:\n"
            + "  <time range>,<days of week>,<days of month>,<months>[,<timezone>]?<appname>[(<appargs>)]";

    @Override
    public Result execute(Channel channel, String data) {
        if (data == null || data.isEmpty()) {
            PbxLog.warning("pbx_builtins.c", USAGE);
            return Result.HANGUP;
        }
        int q = data.indexOf('?');
        if (q < 0) {
            PbxLog.warning("pbx_builtins.c", USAGE);
            return Result.HANGUP;
        }
        String spec = data.substring(0, q);
        String appName = data.substring(q + 1);
        TimeSpec timing;
        try {
            timing = TimeSpec.parse(spec);
        } catch (IllegalArgumentException e) {
            PbxLog.warning("pbx_builtins.c", "Invalid Time Spec: " + spec + "\nCorrect usage: " + USAGE);
            return Result.HANGUP;
        }
        if (!timing.matches(ZonedDateTime.now())) return Result.CONTINUE;
        String args = "";
        int open = appName.indexOf('(');
        if (open >= 0) {
            args = appName.substring(open + 1);
            appName = appName.substring(0, open);
            int close = args.lastIndexOf(')');
            if (close >= 0) {
                args = args.substring(0, close);
            } else {
                PbxLog.warning("pbx_builtins.c", "Failed to find closing parenthesis");
            }
        }
        Application app = channel.pbx().modules().application(appName);
        if (app == null) {
            PbxLog.warning("pbx_builtins.c", "Cannot locate application " + appName);
            return Result.HANGUP;
        }
        return channel.pbx().execute(channel, app, args);
    }
}
