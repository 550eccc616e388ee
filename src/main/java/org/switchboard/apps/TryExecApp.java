package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** TryExec(appname(arguments)): run an application, always returning to the dialplan. */
public final class TryExecApp implements Application {
    @Override public String name() { return "TryExec"; }
    @Override public String synopsis() { return "Executes dialplan application, always returning."; }
    @Override public String syntax() { return "TryExec(appname(arguments))"; }

    @Override
    public String description() {
        return """
                Runs the application like Exec, but always goes on with the dialplan afterwards and
                says what happened in TRYSTATUS:
                  SUCCESS  the application returned normally
                  FAILED   the application would have ended the call
                  NOAPP    there is no such application (also logged as a warning)""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        if (data == null || data.isEmpty()) return Result.CONTINUE;
        ExecApp.Call call = ExecApp.Call.parse(channel, data);
        Application app = channel.pbx().modules().application(call.appName());
        if (app == null) {
            PbxLog.warning("app_exec.c", "Could not find application (" + call.appName() + ")");
            channel.setVar("TRYSTATUS", "NOAPP");
            return Result.CONTINUE;
        }
        Result r = channel.pbx().execute(channel, app, call.args());
        channel.setVar("TRYSTATUS", r == Result.HANGUP ? "FAILED" : "SUCCESS");
        return Result.CONTINUE;
    }
}
