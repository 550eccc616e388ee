package org.switchboard.net.xmpp.jingle;

/** What {@link JingleParser} and {@link JmiParser} return: the record, or why the input is not one. */
public sealed interface JingleResult<T> {
    record Ok<T>(T value) implements JingleResult<T> {}

    /** Not a valid payload: the reply is bad-request (RFC 6120 §8.3.3.1) and {@code why} goes to the log. */
    record Bad<T>(String why) implements JingleResult<T> {}

    static <T> JingleResult<T> ok(T v) { return new Ok<>(v); }

    static <T> JingleResult<T> bad(String why) { return new Bad<>(why); }
}
