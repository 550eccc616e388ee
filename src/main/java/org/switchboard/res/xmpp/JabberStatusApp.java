package org.switchboard.res.xmpp;

import java.util.List;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** JabberStatus(Jabber,JID,Variable): deprecated; JABBER_STATUS's number into a variable. */
public final class JabberStatusApp implements Application {
    @Override public String name() { return "JabberStatus"; }
    @Override public String synopsis() { return "Retrieve the status of a jabber list member"; }
    @Override public String syntax() { return "JabberStatus(Jabber,JID,Variable)"; }

    @Override
    public String description() {
        return """
                This application is deprecated. Please use the JABBER_STATUS() function instead.
                Retrieves the numeric status associated with the specified buddy JID and sets Variable to it:
                1 Online, 2 Chatty, 3 Away, 4 Extended Away, 5 Do Not Disturb, 6 Offline, 7 Not In Roster.
                Jabber: the xmpp.conf client; JID: the buddy, bare or full (with a resource).""";
    }

    private volatile boolean warned;

    @Override
    public Result execute(Channel c, String data) {
        if (!warned) {
            warned = true;
            PbxLog.warning(XmppModule.NAME, "JabberStatus is deprecated.  Please use the JABBER_STATUS dialplan function in the future.");
        }
        List<String> a = AppArgs.split(data);
        String variable = AppArgs.arg(a, 2).trim();
        if (a.size() < 3 || variable.isEmpty()) {
            PbxLog.warning(XmppModule.NAME, "JabberStatus requires arguments (Jabber,JID,Variable)");
            return Result.CONTINUE;
        }
        XmppClient client = XmppModule.client(name(), c, AppArgs.arg(a, 0));
        if (client == null) return Result.CONTINUE;
        c.setVar(variable, Integer.toString(client.status(AppArgs.arg(a, 1).trim())));
        return Result.CONTINUE;
    }
}
