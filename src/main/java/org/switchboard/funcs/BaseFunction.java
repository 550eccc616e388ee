package org.switchboard.funcs;

import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;

/** The documentation every function carries, and the log source its warnings name. */
abstract class BaseFunction implements DialplanFunction {
    private final String name;
    /** The C file of Asterisk's that has this function, without {@code .c}: what its log lines name. */
    private final String file;
    private final String synopsis;
    private final String syntax;
    private final String description;

    BaseFunction(String name, String file, String synopsis, String syntax, String description) {
        this.name = name;
        this.file = file;
        this.synopsis = synopsis;
        this.syntax = syntax;
        this.description = description;
    }

    @Override public final String name() { return name; }
    @Override public final String synopsis() { return synopsis; }
    @Override public final String syntax() { return syntax; }
    @Override public final String description() { return description; }

    /** The C file Asterisk names in its log lines for this function, e.g. {@code func_logic.c}. */
    String source() { return file + ".c"; }

    void warn(String message) { PbxLog.warning(source(), message); }

    void error(String message) { PbxLog.error(source(), message); }

    void debug(String message) { PbxLog.debug(source(), message); }

    /** True, after Asterisk's warning, when the function needs a channel and has none. */
    boolean noChannel(Channel channel) {
        if (channel != null) return false;
        warn("No channel was provided to " + name + " function.");
        return true;
    }
}
