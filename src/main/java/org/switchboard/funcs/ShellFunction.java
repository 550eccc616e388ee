package org.switchboard.funcs;

import java.time.Duration;
import org.switchboard.config.ConfigSection;
import org.switchboard.core.Channel;
import org.switchboard.core.Pbx;

/** {@code SHELL(command)} (func_shell.c): the output of a command run by the system shell. */
public final class ShellFunction extends BaseFunction {
    /** popen's output lands in a VAR_BUF_SIZE (4096) buffer with its NUL. */
    static final int MAX_OUTPUT = 4095;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public ShellFunction() {
        super("SHELL", "func_shell", "Executes a command using the system shell and captures its output.",
                "SHELL(command)", """
                Runs command with /bin/sh -c and returns what it writes to standard output, at
                most 4095 bytes, trailing line break included: ${SHELL(echo bar)} is "bar" and a
                line break. Its standard error goes to Switchboard's, its standard input is empty,
                and it sees the environment as ENV() changed it. The channel waits for the
                command. Unlike Asterisk, which waits for ever, Switchboard stops a command that
                has not finished (or still holds its output open) after shelltimeout seconds,
                set in asterisk.conf [options] (default 30): the command and the processes it
                started are killed, a warning is logged, the result is empty and the call goes
                on. An empty command is a warning.
                Do not put untrusted text such as CALLERID(num) into the command without
                FILTER(): the shell would run whatever it says.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (FuncArgs.isEmpty(data)) {
            warn("Missing Argument!  Example:  Set(foo=${SHELL(echo \"bar\")})");
            return "";
        }
        Duration timeout = channel == null ? DEFAULT_TIMEOUT : Settings.of(channel.pbx()).timeout;
        ProcessEnvironment env = channel == null ? null : ProcessEnvironment.of(channel.pbx());
        ShellCommand.Outcome o = ShellCommand.run(data, env, timeout, MAX_OUTPUT);
        if (o.timedOut()) {
            warn("Shell command '" + data + "' did not finish within " + seconds(timeout)
                    + " s (asterisk.conf [options] shelltimeout); it was stopped and gives nothing");
            return "";
        }
        if (o.output() == null) {
            warn("Failed to execute shell command '" + data + "'");
            return "";
        }
        return o.output();
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
    }

    /** asterisk.conf [options] shelltimeout (seconds), read once per PBX. */
    private record Settings(Duration timeout) {
        static Settings of(Pbx pbx) { return pbx.service(Settings.class, Settings::read); }

        private static Settings read(Pbx pbx) {
            if (!pbx.hasConfig("asterisk.conf")) return new Settings(DEFAULT_TIMEOUT);
            for (ConfigSection options : pbx.config("asterisk.conf").sections("options")) {
                String v = options.get("shelltimeout");
                Double seconds = v == null ? null : FuncArgs.leadingDouble(v);
                if (seconds != null && seconds > 0) return new Settings(Duration.ofMillis((long) (seconds * 1000)));
            }
            return new Settings(DEFAULT_TIMEOUT);
        }
    }
}
