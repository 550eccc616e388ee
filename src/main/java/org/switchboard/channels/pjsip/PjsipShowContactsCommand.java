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
        List<PjsipContacts.Contact> contacts = new java.util.ArrayList<>();
        for (PjsipAor a : pjsip.settings().aors().values()) contacts.addAll(PjsipContacts.ofAor(pjsip.stack(), a));
        PjsipShow.table(out, PjsipShow.CONTACT_HEADER, contacts, c -> PjsipShow.contact(pjsip, c, "", out));
        return true;
    }
}
