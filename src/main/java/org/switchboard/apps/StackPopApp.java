package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.Channel.GosubFrame;
import org.switchboard.core.PbxLog;

/** StackPop(): forget the last Gosub return address without going there. */
public final class StackPopApp implements Application {
    @Override public String name() { return "StackPop"; }
    @Override public String synopsis() { return "Remove one address from gosub stack."; }
    @Override public String syntax() { return "StackPop()"; }

    @Override
    public String description() {
        return """
                Removes the last return address from the Gosub stack and discards it; the dialplan
                goes on with the next priority. The variables of that level (ARGn, ARGC, LOCAL())
                are released as with Return. On a channel that never used Gosub it is a warning.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        if (!GosubApp.hasStack(channel)) {
            PbxLog.warning("app_stack.c", "StackPop called with no gosub stack allocated.");
            return Result.CONTINUE;
        }
        GosubFrame frame = channel.gosubStack().peek();
        if (frame == null) {
            PbxLog.debug("app_stack.c", "StackPop called with an empty gosub stack");
            return Result.CONTINUE;
        }
        if (frame.inHandler()) {
            PbxLog.debug("app_stack.c", "StackPop attempted to pop special return location.");
            return Result.HANGUP;
        }
        channel.gosubStack().pop();
        GosubApp.release(channel, frame);
        return Result.CONTINUE;
    }
}
