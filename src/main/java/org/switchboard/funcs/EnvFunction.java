package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** {@code ENV(varname)} (func_env.c env_read/env_write): an environment variable. */
public final class EnvFunction extends BaseFunction {
    public EnvFunction() {
        super("ENV", "func_env", "Gets or sets the environment variable specified.", "ENV(varname)", """
                Reads the environment variable varname, or nothing when it is not set.
                Set(ENV(varname)=value) sets it, and an empty value unsets it. Names starting
                with AST_ are reserved and are not written. A Java program cannot change its own
                process environment, so a change is kept by the PBX: later ENV() reads see it and
                so do the commands SHELL() runs (as with Asterisk's setenv), but the process's own
                environment, and libraries reading it, do not change.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (FuncArgs.isEmpty(data)) return "";
        String v = channel == null ? System.getenv(data) : ProcessEnvironment.of(channel.pbx()).get(data);
        return FuncArgs.orEmpty(v);
    }

    @Override public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String data, String value) {
        if (channel == null || FuncArgs.isEmpty(data) || data.startsWith("AST_")) return;
        ProcessEnvironment env = ProcessEnvironment.of(channel.pbx());
        if (FuncArgs.isEmpty(value)) env.unset(data);
        else env.set(data, value);
    }
}
