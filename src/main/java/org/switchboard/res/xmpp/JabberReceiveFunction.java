package org.switchboard.res.xmpp;

import java.util.List;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;
import org.switchboard.net.xmpp.XmppChatInbox;

/** JABBER_RECEIVE(account,jid[,timeout]): waits for a message from a buddy. */
public final class JabberReceiveFunction implements DialplanFunction {
    static final int DEFAULT_TIMEOUT_S = 20;

    @Override public String name() { return "JABBER_RECEIVE"; }
    @Override public String synopsis() { return "Reads XMPP messages."; }
    @Override public String syntax() { return "JABBER_RECEIVE(account,jid[,timeout])"; }

    @Override
    public String description() {
        return """
                Receives a text message on the given account from the buddy identified by jid and returns the contents.
                account: the local named account to listen on (specified in xmpp.conf).
                jid: Jabber ID of the buddy to receive the message from; a bare JID (username@domain) takes any of its
                resources, a full JID (username@domain/resource) only that one.
                timeout: seconds to wait for a message (default 20); "" when none came.
                A message that arrived while nobody waited is kept for the client's timeout= seconds (xmpp.conf,
                default 5); each message goes to one reader. Hanging up ends the wait.
                Example: ${JABBER_RECEIVE(asterisk,bob@domain.com)} returns an XMPP message sent from bob@domain.com
                (or an empty string if none arrives within 20 seconds).""";
    }

    @Override
    public String read(Channel c, String args) {
        List<String> a = AppArgs.split(args);
        String jid = AppArgs.arg(a, 1).trim();
        if (a.size() < 2 || jid.isEmpty()) {
            PbxLog.warning(XmppModule.NAME, "Usage: JABBER_RECEIVE(<account>,<jid>[,<timeout>])");
            return "";
        }
        String t = AppArgs.arg(a, 2).trim();
        int timeout = DEFAULT_TIMEOUT_S;
        if (!t.isEmpty()) {
            try {
                timeout = Integer.parseInt(t);
                if (timeout <= 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                PbxLog.warning(XmppModule.NAME, "Invalid timeout specified: '" + t + "'");
                return "";
            }
        }
        XmppClient client = XmppModule.client(name(), c, AppArgs.arg(a, 0));
        if (client == null) return "";
        XmppChatInbox.Incoming m = client.inbox().await(c, jid, timeout * 1000L);
        if (m == null) {
            PbxLog.verbose(3, "JABBER_RECEIVE timed out after " + timeout + " s waiting for " + jid + " on " + client.name());
            return "";
        }
        return m.body();
    }
}
