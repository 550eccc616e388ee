package org.switchboard.res.xmpp;

import java.util.List;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;

/** JABBER_STATUS(account,jid): a buddy's presence as res_xmpp numbers it. */
public final class JabberStatusFunction implements DialplanFunction {
    @Override public String name() { return "JABBER_STATUS"; }
    @Override public String synopsis() { return "Retrieves a buddy's status."; }
    @Override public String syntax() { return "JABBER_STATUS(account,jid)"; }

    @Override
    public String description() {
        return """
                Retrieves the numeric status associated with the buddy identified by jid: 1 Online, 2 Chatty, 3 Away,
                4 Extended Away, 5 Do Not Disturb, 6 Offline, 7 Not In Roster.
                account: the local named account (specified in xmpp.conf).
                jid: a bare JID (username@domain) gives the buddy's best resource; a full JID
                (username@domain/resource) that resource.
                Example: ${JABBER_STATUS(asterisk,bob@domain.com)} returns 1 if bob@domain.com is online.""";
    }

    @Override
    public String read(Channel c, String args) {
        List<String> a = AppArgs.split(args);
        String jid = AppArgs.arg(a, 1).trim();
        if (a.size() < 2 || jid.isEmpty()) {
            PbxLog.warning(XmppModule.NAME, "Usage: JABBER_STATUS(<sender>,<jid>[/<resource>])");
            return "";
        }
        XmppClient client = XmppModule.client(name(), c, AppArgs.arg(a, 0));
        return client == null ? "" : Integer.toString(client.status(jid));
    }
}
