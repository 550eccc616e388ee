package org.switchboard.apps;

import java.util.List;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** ExecIf(expression?appiftrue(args)[:appiffalse(args)]): run one of two applications. */
public final class ExecIfApp implements Application {
    @Override public String name() { return "ExecIf"; }
    @Override public String synopsis() { return "Executes dialplan application, conditionally."; }
    @Override public String syntax() { return "ExecIf(expression?appiftrue(args)[:appiffalse(args)])"; }

    @Override
    public String description() {
        return """
                When the expression is true (not empty and not 0), runs appiftrue with its
                arguments and returns what it returns; otherwise runs appiffalse when given.
                '?' and ':' inside parentheses or quotes do not split. A true expression whose
                application does not exist is a warning and ends the call.
                The old form ExecIf(expression,app,args) still works, with a deprecation warning.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        String parse = data == null ? "" : data;
        int firstComma = parse.indexOf(',');
        int firstQuestion = parse.indexOf('?');
        String expr;
        String appTrue;
        String appFalse = null;
        String trueData = null;
        String falseData = null;
        if (firstQuestion < 0 || (firstComma >= 0 && firstComma < firstQuestion)) {
            List<String> depr = AppSupport.separate(parse, ',', true, 3);
            expr = AppSupport.arg(depr, 0);
            appTrue = AppSupport.arg(depr, 1);
            trueData = AppSupport.arg(depr, 2);
            PbxLog.warning("app_exec.c", "Deprecated syntax found.  Please upgrade to using ExecIf(<expr>?"
                    + orNull(appTrue) + "(" + orNull(trueData) + "))");
        } else {
            List<String> parts = AppSupport.separate(parse, '?', false, 2);
            expr = AppSupport.arg(parts, 0);
            String remainder = AppSupport.arg(parts, 1);
            if (AppSupport.isEmpty(remainder)) {
                PbxLog.error("app_exec.c", "Usage: ExecIf(<expr>?<appiftrue>(<args>)[:<appiffalse>(<args)])");
                return Result.HANGUP;
            }
            List<String> apps = AppSupport.separate(remainder, ':', false, 2);
            appTrue = AppSupport.arg(apps, 0);
            appFalse = AppSupport.arg(apps, 1);
            if (appTrue != null && appTrue.indexOf('(') >= 0) {
                trueData = inParens(appTrue);
                appTrue = appTrue.substring(0, appTrue.indexOf('('));
            }
            if (appFalse != null && appFalse.indexOf('(') >= 0) {
                falseData = inParens(appFalse);
                appFalse = appFalse.substring(0, appFalse.indexOf('('));
            }
        }
        if (AppSupport.checkCondition(expr)) {
            return run(channel, appTrue, trueData);
        } else if (!AppSupport.isEmpty(appFalse)) {
            return run(channel, appFalse, falseData);
        }
        return Result.CONTINUE;
    }

    /** How C's printf shows a NULL string. */
    private static String orNull(String s) { return s == null ? "(null)" : s; }

    private static String inParens(String call) {
        String args = call.substring(call.indexOf('(') + 1);
        int end = args.lastIndexOf(')');
        return end >= 0 ? args.substring(0, end) : args;
    }

    private static Result run(Channel channel, String appName, String args) {
        Application app = AppSupport.isEmpty(appName) ? null : channel.pbx().modules().application(appName);
        if (app == null) {
            PbxLog.warning("app_exec.c", "Could not find application! (" + orNull(appName) + ")");
            return Result.HANGUP;
        }
        return channel.pbx().execute(channel, app, args == null ? "" : args);
    }
}
