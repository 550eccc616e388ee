package org.switchboard.apps;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** System(command): run a shell command; the call ends when it cannot be run (app_system). */
public final class SystemApp implements Application {
    @Override public String name() { return "System"; }
    @Override public String synopsis() { return "Execute a system command."; }
    @Override public String syntax() { return "System(command)"; }

    @Override
    public String description() {
        return """
                Runs the command with /bin/sh -c, as Asterisk's system() does, and waits for it to
                end. Backslash escapes (\\n, \\t, \\xHH, ...) are decoded first; quotes around the
                whole command are removed with a notice. The command's input is /dev/null and its
                output is discarded. Never put untrusted text such as CALLERID(num) in the command
                without FILTER(): the shell would run what it says.
                If the channel hangs up (or is redirected) while the command runs, the wait ends at
                once and the command is killed with what it started (SIGTERM, then SIGKILL after
                2 seconds), so a command that never exits cannot hold the call.
                Sets SYSTEMSTATUS:
                  SUCCESS   the command exited with status 0
                  APPERROR  it ran and exited with another status
                  FAILURE   there was no command, the shell could not be started, or the shell
                            could not find the command (status 127); the call then ends
                            (TrySystem goes on instead)""";
    }

    @Override
    public Result execute(Channel channel, String data) { return ShellCommand.execute(channel, data, true); }
}
