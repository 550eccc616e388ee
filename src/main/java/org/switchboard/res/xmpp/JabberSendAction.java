package org.switchboard.res.xmpp;

import org.switchboard.core.AbstractManagerAction;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code JabberSend}: Jabber (the xmpp.conf client), JID, Message. */
public final class JabberSendAction extends AbstractManagerAction {
    public JabberSendAction() {
        super("JabberSend", "system", "Sends a message to a Jabber Client.",
                "Action: JabberSend\nActionID: <value>\nJabber: <value>\nJID: <value>\nMessage: <value>",
                """
                Sends Message to the buddy JID (XMPP/Jabber JID of the recipient) from Jabber, the client
                Asterisk uses to connect to XMPP (a client section of xmpp.conf). ScreenName is read
                when JID is absent, as older clients send it.""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String jabber = request.get("Jabber", "").trim();
        // ScreenName: the header's name before Asterisk 12, still what asterisk-java's JabberSendAction sends
        String jid = request.get("JID", request.get("ScreenName", "")).trim();
        String message = request.get("Message", "");
        if (jabber.isEmpty()) {
            reply.error("No transport specified");
            return;
        }
        if (jid.isEmpty()) {
            reply.error("No ScreenName specified");
            return;
        }
        if (message.isEmpty()) {
            reply.error("No Message specified");
            return;
        }
        XmppModule m = XmppModule.get(request.pbx());
        XmppClient client = m == null ? null : m.client(jabber);
        if (client == null) {
            reply.error("Could not find Sender");
            return;
        }
        if (jid.indexOf('@') > 0 && client.send(jid, message)) reply.success("Message sent");
        else reply.error("Message to " + jid + " could not be sent");
    }
}
