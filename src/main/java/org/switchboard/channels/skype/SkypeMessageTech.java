package org.switchboard.channels.skype;

import java.util.List;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;
import org.switchboard.core.message.MessageTech;
import org.switchboard.core.message.TextMessage;

/** MessageSend's skype: and xmpp: destinations: a chat message from one of the Skype accounts. */
final class SkypeMessageTech implements MessageTech {
    static final SkypeMessageTech INSTANCE = new SkypeMessageTech();

    private SkypeMessageTech() {}

    @Override public List<String> schemes() { return List.of("skype", "xmpp"); }

    /** A Skype account named by from, or, with no from, a message that came in on one. */
    @Override
    public boolean claims(Channel c, TextMessage m, String from) {
        SkypeModule skype = SkypeModule.get(c.pbx());
        if (skype == null) return false;
        String user = from.startsWith("skype:") ? from.substring(6) : from;
        if (!user.isEmpty()) return skype.account(user) != null;
        return m.from != null && m.from.startsWith("skype:");
    }

    @Override
    public Status send(Channel c, TextMessage m, String destination, String from) {
        String user = from.startsWith("skype:") ? from.substring(6) : from;
        if (user.isEmpty() && m.receivedBy != null) user = m.receivedBy;
        SkypeAccount acc = SkypeDialplan.account("MessageSend", c, user);
        if (acc == null) return Status.FAILURE;
        String jid = SkypeNames.bareJid(destination, acc.domain());
        if (jid == null) {
            PbxLog.warning("message.c", "MessageSend: invalid destination '" + destination + "'");
            return Status.INVALID_URI;
        }
        return acc.sendChat(jid, m.body) ? Status.SUCCESS : Status.FAILURE;
    }
}
