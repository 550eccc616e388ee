package org.switchboard.channels.sip.ami;

import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.SipRegistryView;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code SIPshowregistry}: one RegistryEntry per {@code register =>} line, then RegistrationsComplete. */
public final class SipShowRegistryAction extends SipManagerAction {
    public SipShowRegistryAction() {
        super("SIPshowregistry", "Show SIP registrations (text format).",
            "Action: SIPshowregistry\nActionID: <value>",
            """
            Lists all registration requests and status. Registrations will follow as separate
            RegistryEntry events; RegistrationsComplete with ListItems ends the list.""");
    }

    @Override
    void execute(SipModule sip, ManagerRequest request, ManagerReply reply) {
        reply.listStart("Registrations will follow");
        for (SipRegistryView.Entry e : SipRegistryView.entries(sip.stack())) {
            reply.listItem("RegistryEntry", fields(
                "Host", e.host(),
                "Port", Integer.toString(e.port()),
                "Username", e.user(),
                "Domain", e.domain() == null ? e.host() : e.domain(),
                "DomainPort", Integer.toString(e.port()),
                "Refresh", Integer.toString(e.refresh()),
                "State", e.state(),
                "RegistrationTime", Long.toString(e.regTime())));
        }
        reply.listComplete("RegistrationsComplete", null);
    }
}
