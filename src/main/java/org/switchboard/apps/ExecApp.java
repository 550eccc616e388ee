package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** Exec(appname(arguments)): run an application named at run time. */
public final class ExecApp implements Application {
    @Override public String name() { return "Exec"; }
    @Override public String synopsis() { return "Executes dialplan application."; }
    @Override public String syntax() { return "Exec(appname(arguments))"; }

    @Override
    public String description() {
        return """
                Runs the application named in the argument, with its arguments, as if it were
                written in the dialplan: Exec(${APP}(${ARGS})). The arguments inside the
                parentheses are substituted once more before the application gets them.
                If the application ends the call, or does not exist (a warning), Exec ends the
                call too. Use TryExec to carry on in either case.""";
    }

    /** An application name and its argument text, as appname(arguments) is split by app_exec. */
    record Call(String appName, String args) {
        /** strsep at the first '(', the arguments end at the last ')'; the arguments are substituted again. */
        static Call parse(Channel c, String data) {
            int open = data.indexOf('(');
            if (open < 0) return new Call(data, "");
            String args = data.substring(open + 1);
            int close = args.lastIndexOf(')');
            if (close >= 0) args = args.substring(0, close);
            return new Call(data.substring(0, open), c.pbx().substitute(c, args));
        }
    }

    @Override
    public Result execute(Channel channel, String data) {
        if (data == null || data.isEmpty()) return Result.CONTINUE;
        Call call = Call.parse(channel, data);
        Application app = channel.pbx().modules().application(call.appName());
        if (app == null) {
            PbxLog.warning("app_exec.c", "Could not find application (" + call.appName() + ")");
            return Result.HANGUP;
        }
        return channel.pbx().execute(channel, app, call.args());
    }
}
