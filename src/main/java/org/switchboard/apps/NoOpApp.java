package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** NoOp([text]): does nothing; its substituted argument shows in the Executing line. */
public final class NoOpApp implements Application {
    @Override public String name() { return "NoOp"; }
    @Override public String synopsis() { return "Do Nothing (No Operation)."; }
    @Override public String syntax() { return "NoOp([text])"; }

    @Override
    public String description() {
        return """
                Does nothing. Any text given is substituted and appears in the console's Executing
                line, which makes NoOp a simple way to look at variables and functions while a call
                runs without changing anything.""";
    }

    @Override
    public Result execute(Channel channel, String data) { return Result.CONTINUE; }
}
