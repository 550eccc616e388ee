package org.switchboard.core;

/** Thrown from a blocking channel operation when the channel has been hung up; unwinds the dialplan. */
public final class HangupException extends RuntimeException {
    public HangupException() { super("channel hung up", null, false, false); }
}
