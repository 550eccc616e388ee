package org.switchboard.res.manager;

/** The life of one Manager connection. */
public enum SessionState {
    /** Banner sent; only Login, Challenge and Logoff are accepted (manager.c process_message). */
    AWAITING_LOGIN,
    /** Logged in: actions allowed by the user's write classes, events by its read classes. */
    LOGGED_IN,
    /** Logged off, timed out, failed to log in, or the client went away. */
    CLOSED
}
