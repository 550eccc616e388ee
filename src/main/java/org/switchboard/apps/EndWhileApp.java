package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** EndWhile(): the bottom of a While loop. */
public final class EndWhileApp implements Application {
    @Override public String name() { return "EndWhile"; }
    @Override public String synopsis() { return "End a while loop."; }
    @Override public String syntax() { return "EndWhile()"; }

    @Override
    public String description() {
        return """
                Goes back to the innermost open While, which tests its condition again. It also
                remembers the priority after itself, where that While continues once its
                condition is false. Without an open While it does nothing.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        WhileApp.run(channel, data, WhileApp.END);
        return Result.CONTINUE;
    }
}
