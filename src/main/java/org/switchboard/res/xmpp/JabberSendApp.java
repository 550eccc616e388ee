package org.switchboard.res.xmpp;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** JabberSend(account,jid,message): an XMPP chat message from an xmpp.conf client. */
public final class JabberSendApp implements Application {
    @Override public String name() { return "JabberSend"; }
    @Override public String synopsis() { return "Sends an XMPP message to a buddy."; }
    @Override public String syntax() { return "JabberSend(account,jid,message)"; }

    @Override
    public String description() {
        return """
                Sends the content of message as text message from the given account to the buddy identified by jid.
                account: the local named account (a client section of xmpp.conf).
                jid: Jabber ID of the buddy to send the message to; a bare JID (username@domain) or a full JID
                (username@domain/resource).
                message: the message to send; everything after the second comma, commas included.
                Example: same => n,JabberSend(asterisk,bob@domain.com,Hello world)
                An unknown account, a client that is not connected or an invalid JID is a log line; the call goes on.""";
    }

    @Override
    public Result execute(Channel c, String data) {
        String d = data == null ? "" : data;
        int first = d.indexOf(',');
        int second = first < 0 ? -1 : d.indexOf(',', first + 1);
        if (second < 0) {
            org.switchboard.core.PbxLog.warning(XmppModule.NAME, "JabberSend requires arguments (account,jid,message)");
            return Result.CONTINUE;
        }
        XmppClient client = XmppModule.client(name(), c, d.substring(0, first));
        if (client != null) client.send(d.substring(first + 1, second).trim(), d.substring(second + 1));
        return Result.CONTINUE;
    }
}
