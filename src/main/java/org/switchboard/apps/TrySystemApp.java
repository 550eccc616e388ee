package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** TrySystem(command): run a shell command; the dialplan goes on whatever happens (app_system). */
public final class TrySystemApp implements Application {
    @Override public String name() { return "TrySystem"; }
    @Override public String synopsis() { return "Try executing a system command."; }
    @Override public String syntax() { return "TrySystem(command)"; }

    @Override
    public String description() {
        return """
                Runs the command as System() does (/bin/sh -c, escapes decoded, input /dev/null,
                output discarded, killed when the channel hangs up), but the dialplan always goes on.
                Sets SYSTEMSTATUS:
                  SUCCESS   the command exited with status 0
                  APPERROR  it ran and exited with another status
                  FAILURE   there was no command, the shell could not be started, or the shell
                            could not find the command (status 127)""";
    }

    @Override
    public Result execute(Channel channel, String data) { return ShellCommand.execute(channel, data, false); }
}
