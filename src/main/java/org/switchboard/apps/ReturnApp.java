package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.Channel.GosubFrame;
import org.switchboard.core.PbxLog;

/** Return([value]): back to where the last Gosub was called, with GOSUB_RETVAL set. */
public final class ReturnApp implements Application {
    @Override public String name() { return "Return"; }
    @Override public String synopsis() { return "Return from gosub routine."; }
    @Override public String syntax() { return "Return([value])"; }

    @Override
    public String description() {
        return """
                Jumps back to the priority after the last Gosub, removing it from the stack; the
                subroutine's ARGn, ARGC and LOCAL() variables go away and the caller's values come
                back. The whole argument, commas included, is stored in GOSUB_RETVAL (empty when
                none is given). Return without a Gosub is an error and ends the call.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        if (!GosubApp.hasStack(channel)) {
            PbxLog.error("app_stack.c", "Return without Gosub: stack is unallocated");
            return Result.HANGUP;
        }
        GosubFrame frame = channel.gosubStack().poll();
        if (frame == null) {
            PbxLog.error("app_stack.c", "Return without Gosub: stack is empty");
            return Result.HANGUP;
        }
        channel.jumpTo(frame.context(), frame.exten(), frame.priority());
        GosubApp.release(channel, frame);
        channel.setVar("GOSUB_RETVAL", data == null ? "" : data);
        // the end of a routine run from code (a handler) ends that run
        return frame.inHandler() ? Result.HANGUP : Result.CONTINUE;
    }
}
