package org.switchboard.res.xmpp;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;

/** {@code xmpp show buddies}: each client's roster with the resources online and their presence, in res_xmpp's layout. */
public final class XmppShowBuddiesCommand implements CliCommand {
    @Override public List<String> words() { return List.of("xmpp", "show", "buddies"); }
    @Override public String usage() { return "Usage: xmpp show buddies\n       Shows buddy lists of our clients"; }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        XmppModule m = XmppModule.get(pbx);
        out.println("XMPP buddy lists");
        if (m == null) return true;
        for (XmppClient c : m.clients()) {
            out.println("Client: " + c.name());
            for (XmppClient.Buddy b : c.buddies()) {
                out.println("\tBuddy:\t" + b.jid());
                if (b.resources().isEmpty()) out.println("\t\tResource: None");
                for (XmppClient.Resource r : b.resources()) {
                    out.println("\t\tResource: " + r.name());
                    out.println("\t\t\tPriority: " + r.priority());
                    out.println("\t\t\tStatus: " + r.status());
                    out.println("\t\t\tMessage: " + r.message());
                }
            }
        }
        return true;
    }
}
