package org.switchboard.channels.skype;

/**
 * The message a Message channel carries (Asterisk's ast_msg): what {@code MESSAGE(body|from|to)}
 * reads and writes and {@code MessageSend} sends. Kept as a channel datastore.
 */
final class SkypeMessage implements AutoCloseable {
    static final Object KEY = new Object();

    volatile String body;
    volatile String from;
    volatile String to;
    /** The account the message arrived on; MessageSend replies from it when no account is named. */
    volatile String account;

    SkypeMessage(String body, String from, String to, String account) {
        this.body = body;
        this.from = from;
        this.to = to;
        this.account = account;
    }

    static SkypeMessage of(org.switchboard.core.Channel c, boolean create) {
        SkypeMessage m = c.datastore(KEY);
        if (m == null && create) {
            m = new SkypeMessage("", "", "", null);
            c.putDatastore(KEY, m);
        }
        return m;
    }

    @Override
    public void close() {}
}
