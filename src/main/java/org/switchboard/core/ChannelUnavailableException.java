package org.switchboard.core;

/** A channel could not be created or called; carries the Q.850 cause Dial turns into DIALSTATUS. */
public final class ChannelUnavailableException extends Exception {
    private final int cause;

    public ChannelUnavailableException(int cause, String message) {
        super(message, null, false, false);
        this.cause = cause;
    }

    public int cause() { return cause; }
}
