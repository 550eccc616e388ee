package org.switchboard.res.xmpp;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;

/** {@code xmpp show connections}: each client of xmpp.conf and whether it is connected, as res_xmpp lists them. */
public final class XmppShowConnectionsCommand implements CliCommand {
    @Override public List<String> words() { return List.of("xmpp", "show", "connections"); }
    @Override public String usage() { return "Usage: xmpp show connections\n       Shows state of client and component connections"; }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        XmppModule m = XmppModule.get(pbx);
        List<XmppClient> clients = m == null ? List.of() : m.clients();
        out.println("Jabber Users and their status:");
        for (XmppClient c : clients) {
            String state = switch (c.state()) {
                case CONNECTED -> "Connected";
                case CONNECTING -> "Connecting";
                case DISCONNECTED -> "Disconnected" + (c.lastError().isEmpty() ? "" : " (" + c.lastError() + ")");
                case STOPPED -> "Disconnecting";
            };
            out.println("       [" + c.name() + "] " + c.jid() + "     - " + state);
        }
        out.println("----");
        out.println("   Number of clients: " + clients.size());
        return true;
    }
}
