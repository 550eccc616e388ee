package org.switchboard.res.xmpp;

import java.util.List;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.core.message.MessageTech;
import org.switchboard.core.message.TextMessage;

/**
 * MessageSend's {@code xmpp:} destinations through res_xmpp, as Asterisk's does:
 * {@code MessageSend(xmpp:bob@example.com,asterisk)}, the from naming the xmpp.conf client (with or
 * without {@code xmpp:}); without one, the client the message came in on.
 */
final class XmppMessageTech implements MessageTech {
    @Override public List<String> schemes() { return List.of("xmpp"); }

    @Override
    public boolean claims(Channel c, TextMessage m, String from) {
        XmppModule x = XmppModule.get(c.pbx());
        if (x == null) return false;
        String name = account(m, from);
        return !name.isEmpty() && x.client(name) != null && (!from.isEmpty() || m.from.startsWith("xmpp:"));
    }

    @Override
    public Status send(Channel c, TextMessage m, String destination, String from) {
        String name = account(m, from);
        if (name.isEmpty()) {
            PbxLog.warning(XmppModule.NAME, "MessageSend: to send to xmpp:" + destination + ", name the xmpp.conf client as from");
            return Status.FAILURE;
        }
        XmppClient client = XmppModule.client("MessageSend", c, name);
        if (client == null) return Status.FAILURE;
        String to = destination.strip();
        if (to.isEmpty() || to.indexOf('@') <= 0 || to.chars().anyMatch(Character::isWhitespace)) {
            PbxLog.warning(XmppModule.NAME, "MessageSend: invalid destination 'xmpp:" + destination + "'");
            return Status.INVALID_URI;
        }
        return client.send(to, m.body == null ? "" : m.body) ? Status.SUCCESS : Status.FAILURE;
    }

    private static String account(TextMessage m, String from) {
        String f = from == null ? "" : from.strip();
        if (f.startsWith("xmpp:")) f = f.substring(5);
        if (f.isEmpty() && m.from != null && m.from.startsWith("xmpp:") && m.receivedBy != null) f = m.receivedBy;
        return f;
    }
}
