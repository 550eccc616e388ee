package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** GotoIf(condition?[labeliftrue][:labeliffalse]): a conditional Goto. */
public final class GotoIfApp implements Application {
    @Override public String name() { return "GotoIf"; }
    @Override public String synopsis() { return "Conditional goto."; }
    @Override public String syntax() { return "GotoIf(condition?[labeliftrue][:labeliffalse])"; }

    @Override
    public String description() {
        return """
                Jumps to labeliftrue when the condition is true, to labeliffalse when it is false.
                The condition is true when it is not empty and not a number equal to 0 (usually it
                is an expression, $[...]). Each label is written as for Goto:
                [[context,]extension,]priority, where priority may be a number, a label or +N/-N.
                When the chosen label is omitted no jump happens and the dialplan goes on with the
                next priority. A target that does not exist behaves as for Goto ('i', else the
                call ends).""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        if (data == null || data.isEmpty()) {
            PbxLog.warning("pbx_builtins.c", "Ignoring, since there is no variable to check");
            return Result.CONTINUE;
        }
        // plain strsep: the condition has been substituted already, so no nesting to respect
        int q = data.indexOf('?');
        String condition = q < 0 ? data : data.substring(0, q);
        String branch1 = null;
        String branch2 = null;
        if (q >= 0) {
            String rest = data.substring(q + 1);
            int colon = rest.indexOf(':');
            branch1 = colon < 0 ? rest : rest.substring(0, colon);
            branch2 = colon < 0 ? null : rest.substring(colon + 1);
        }
        String branch = AppSupport.checkCondition(condition) ? branch1 : branch2;
        if (AppSupport.isEmpty(branch)) return Result.CONTINUE;
        return GotoApp.jump(channel, branch) ? Result.CONTINUE : Result.HANGUP;
    }
}
