package org.switchboard.apps;

import java.util.List;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** GosubIf(condition?[labeliftrue[(args)]][:labeliffalse[(args)]]): a conditional Gosub. */
public final class GosubIfApp implements Application {
    @Override public String name() { return "GosubIf"; }
    @Override public String synopsis() { return "Conditionally jump to label, saving return address."; }
    @Override public String syntax() { return "GosubIf(condition?[labeliftrue[(arg1[,...])]][:labeliffalse[(arg1[,...])]])"; }

    @Override
    public String description() {
        return """
                Calls the subroutine labeliftrue when the condition is true (not empty and not 0),
                labeliffalse when it is false, each written as for Gosub with optional arguments;
                a label that is omitted means the dialplan just goes on. Return comes back to the
                priority after the GosubIf. '?' and ':' inside parentheses do not split.
                Without a '?' the application is a warning and does nothing.""";
    }

    private static final String USAGE = "GosubIf requires an argument: GosubIf(cond?label1(args):label2(args)";

    @Override
    public Result execute(Channel channel, String data) {
        if (data == null || data.isEmpty()) {
            PbxLog.warning("app_stack.c", USAGE);
            return Result.CONTINUE;
        }
        List<String> cond = AppSupport.separate(data, '?', false, 2);
        if (cond.size() != 2) {
            PbxLog.warning("app_stack.c", USAGE);
            return Result.CONTINUE;
        }
        List<String> labels = AppSupport.separate(cond.get(1), ':', false, 2);
        String label = AppSupport.checkCondition(cond.get(0)) ? AppSupport.arg(labels, 0) : AppSupport.arg(labels, 1);
        if (AppSupport.isEmpty(label)) return Result.CONTINUE;
        return GosubApp.gosub(channel, label, channel.priority() + 1, false) ? Result.CONTINUE : Result.HANGUP;
    }
}
