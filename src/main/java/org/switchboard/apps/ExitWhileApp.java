package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** ExitWhile(): leave the innermost While loop now. */
public final class ExitWhileApp implements Application {
    @Override public String name() { return "ExitWhile"; }
    @Override public String synopsis() { return "End a While loop."; }
    @Override public String syntax() { return "ExitWhile()"; }

    @Override
    public String description() {
        return """
                Leaves the innermost While loop whatever its condition: the dialplan continues
                after the loop's EndWhile (found by counting nested While/EndWhile pairs in the
                following priorities when the loop has not reached its EndWhile yet). Without a
                matching EndWhile that is a warning and the dialplan simply goes on.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        WhileApp.run(channel, data, WhileApp.EXIT);
        return Result.CONTINUE;
    }
}
