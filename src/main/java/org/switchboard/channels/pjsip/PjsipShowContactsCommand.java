package org.switchboard.channels.pjsip;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.channels.pjsip.config.PjsipAor;

/** {@code pjsip show contacts}: res_pjsip's table, each object on its line(s), then {@code Objects found: N}. */
public final class PjsipShowContactsCommand extends PjsipCliCommand {
    public PjsipShowContactsCommand() {
        super("pjsip show contacts", """
            Usage: pjsip show contacts
                   Lists PJSIP Contacts.""");
    }

    @Override
    boolean execute(PjsipModule pjsip, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        out.print(PjsipShow.CONTACT_HEADER);
        out.println();
        int n = 0;
        for (PjsipAor a : pjsip.settings().aors().values()) {
            for (PjsipContacts.Contact c : PjsipContacts.ofAor(pjsip.stack(), a)) {
                PjsipShow.contact(c, "", out);
                n++;
            }
        }
        if (n == 0) {
            out.println("No objects found.");
        } else {
            out.printf("%nObjects found: %d%n", n);
        }
        return true;
    }
}
