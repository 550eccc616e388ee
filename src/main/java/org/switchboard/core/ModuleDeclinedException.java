package org.switchboard.core;

/** A module that cannot run (bad config, missing server) declines with one line saying why. */
public final class ModuleDeclinedException extends Exception {
    public ModuleDeclinedException(String reason) { super(reason, null, false, false); }
}
