package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** ContinueWhile(): back to the top of the innermost While loop. */
public final class ContinueWhileApp implements Application {
    @Override public String name() { return "ContinueWhile"; }
    @Override public String synopsis() { return "Restart a While loop."; }
    @Override public String syntax() { return "ContinueWhile()"; }

    @Override
    public String description() {
        return """
                Goes back to the innermost open While, which tests its condition again, skipping
                the rest of the loop's body. Without an open While it does nothing.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        String whilePri = WhileApp.innermostWhile(channel);
        if (whilePri != null) GotoApp.jumpQuietly(channel, whilePri);
        return Result.CONTINUE;
    }
}
