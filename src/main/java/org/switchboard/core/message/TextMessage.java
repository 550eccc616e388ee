package org.switchboard.core.message;

import org.switchboard.core.Channel;
import org.switchboard.core.ChannelTech;
import org.switchboard.core.Pbx;

/**
 * The message a Message channel carries (Asterisk's ast_msg): what {@code MESSAGE(body|from|to)}
 * reads and writes and {@code MessageSend} sends, whatever technology it came from or goes to.
 * Kept as a channel datastore.
 */
public final class TextMessage implements AutoCloseable {
    private static final Object KEY = new Object();

    public volatile String body;
    /** Who sent it, as a URI of its technology ({@code skype:alice@example.org}). */
    public volatile String from;
    /** Where it was sent ({@code skype:lmentinc}). */
    public volatile String to;
    /** The local endpoint it arrived on (a Skype account); MessageSend replies from it when none is named. */
    public volatile String receivedBy;

    public TextMessage(String body, String from, String to, String receivedBy) {
        this.body = body;
        this.from = from;
        this.to = to;
        this.receivedBy = receivedBy;
    }

    /** The channel's message; with {@code create} an empty one is made when there is none. */
    public static TextMessage of(Channel c, boolean create) {
        TextMessage m = c.datastore(KEY);
        if (m == null && create) {
            m = new TextMessage("", "", "", null);
            c.putDatastore(KEY, m);
        }
        return m;
    }

    /**
     * Starts a Message channel carrying {@code m} in the dialplan at {@code context,exten}, as
     * Asterisk's message router does for a message that arrives on a technology.
     */
    public static Channel route(Pbx pbx, TextMessage m, String context, String exten) {
        Channel c = pbx.allocChannel("Message/ast_msg_queue-" + pbx.channels().nextSuffix(), new ChannelTech() {}, null);
        c.putDatastore(KEY, m);
        c.setLocation(context, exten, 1);
        return c;
    }

    @Override
    public void close() {}
}
