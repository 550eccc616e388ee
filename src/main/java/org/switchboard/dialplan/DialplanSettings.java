package org.switchboard.dialplan;

/** extensions.conf [general]. */
public record DialplanSettings(boolean staticConfig, boolean writeProtect, boolean clearGlobalVars,
                               boolean patternMatchNew, boolean autoFallthrough) {
    public static final DialplanSettings DEFAULT = new DialplanSettings(true, false, false, false, true);
}
