package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** MacroExit(): leave the running macro as if its priorities had run out. */
public final class MacroExitApp implements Application {
    @Override public String name() { return "MacroExit"; }
    @Override public String synopsis() { return "Exit from Macro."; }
    @Override public String syntax() { return "MacroExit()"; }

    @Override
    public String description() {
        return """
                Ends the macro that is running as if it had run out of priorities: the caller's
                dialplan goes on after its Macro. Outside a macro it ends the call, as Asterisk's
                special return value does.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        MacroApp.State state = channel.datastore(MacroApp.State.KEY);
        if (state != null) state.exitRequested = true;
        return Result.HANGUP;
    }
}
