package org.switchboard.res.xmpp;

import org.switchboard.core.Channel;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.core.message.TextMessage;
import org.switchboard.net.xmpp.XmppChatInbox;

/**
 * sendtodialplan=yes: a message no JABBER_RECEIVE waits for starts a Message channel in the
 * client's {@code context} at {@code s}, as res_xmpp hands it to the core's message router:
 * {@code MESSAGE(from)} is {@code xmpp:} and the sender's full JID, {@code MESSAGE(to)} is
 * {@code xmpp:} and the client's JID, and {@code MessageSend(xmpp:...)} without a from replies
 * through the client it came in on.
 */
final class XmppMessageRouting {
    private XmppMessageRouting() {}

    /** @return false when the context does not exist (the message is held for JABBER_RECEIVE then) */
    static boolean route(Pbx pbx, XmppClient client, XmppChatInbox.Incoming m) {
        String ctx = client.config().context();
        if (pbx.dialplan().context(ctx) == null) {
            PbxLog.limited(PbxLog.Level.WARNING, XmppClient.LOG, m.sender(), "XMPP client '" + client.name() + "': context '" + ctx
                    + "' does not exist in the dialplan; message from " + m.sender() + " is held for JABBER_RECEIVE");
            return false;
        }
        Channel c = TextMessage.route(pbx, new TextMessage(m.body(), "xmpp:" + m.from(), "xmpp:" + client.jid(), client.name()), ctx, "s");
        pbx.startPbx(c);
        return true;
    }
}
