package org.switchboard.res.agi;

/** What an AGI session waits for: a command line, the end of the program's output, or a wake-up of the channel. */
sealed interface AgiInput {
    /** One command; {@code commandId} is the Manager's CommandID for AsyncAGI (else null). */
    record Command(String line, String commandId) implements AgiInput {}

    /** The program will send no more: it closed its output, broke the line limit, or the read failed. */
    record Ended(Reason reason, String detail) implements AgiInput {}

    /** The channel was woken (a hangup, a redirect, the absolute timeout): the loop looks at it. */
    record Wake() implements AgiInput {}

    enum Reason { CLOSED, LINE_TOO_LONG, READ_FAILED }

    AgiInput WAKE = new Wake();
}
