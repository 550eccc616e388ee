package org.switchboard.channels.pjsip;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.channels.pjsip.config.PjsipAuth;
import org.switchboard.channels.pjsip.config.PjsipRegistration;
import org.switchboard.channels.sip.registry.RegistrationClient;
import org.switchboard.channels.sip.registry.RegistrationState;
import org.switchboard.core.AbstractManagerAction;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/**
 * AMI {@code PJSIPShowRegistrationsOutbound}: an OutboundRegistrationDetail event per
 * {@code type=registration} (its settings, Status and NextReg), an AuthDetail for its outbound
 * auth, then OutboundRegistrationDetailComplete with ListItems, Registered and NotRegistered.
 * The auth's password and md5_cred are never sent.
 */
public final class PjsipShowRegistrationsOutboundAction extends AbstractManagerAction {
    public PjsipShowRegistrationsOutboundAction() {
        super("PJSIPShowRegistrationsOutbound", "system,reporting", "Lists PJSIP outbound registrations.",
            "Action: PJSIPShowRegistrationsOutbound\nActionID: <value>",
            """
            In response OutboundRegistrationDetail events showing configuration and status
            information are raised for each outbound registration object. AuthDetail events are
            raised for each associated auth object as well. Once all events are completed an
            OutboundRegistrationDetailComplete is issued.""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        PjsipModule m = PjsipModule.running(request.pbx(), reply);
        if (m == null) return;
        PjsipRegistrations regs = m.registrations();
        List<RegistrationClient> clients = regs == null ? List.of() : regs.registry().clients();
        if (clients.isEmpty()) {
            reply.error("No registrations found");
            return;
        }
        reply.listStart("Following are Events for each Outbound registration");
        int registered = 0;
        long now = m.stack().pbx().clock().millis();
        for (RegistrationClient c : clients) {
            PjsipRegistration r = regs.section(c);
            if (r == null) continue; // reloaded away between the two looks
            RegistrationState state = c.state();
            if (state == RegistrationState.REGISTERED) registered++;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("ObjectType", "registration");
            f.put("ObjectName", r.name());
            f.put("MaxRetries", r.maxRetries());
            f.put("ClientUri", r.clientUri());
            f.put("AuthRejectionPermanent", r.authRejectionPermanent());
            f.put("ServerUri", r.serverUri());
            f.put("MaxRandomInitialDelay", 10);
            f.put("SupportPath", false);
            f.put("RetryInterval", r.retryInterval());
            f.put("ContactHeaderParams", "");
            f.put("Expiration", r.expiration());
            f.put("Transport", r.transport() == null ? "" : r.transport());
            f.put("Line", r.line());
            f.put("ContactUser", r.contactUser());
            f.put("Endpoint", r.endpoint() == null ? "" : r.endpoint());
            f.put("ForbiddenRetryInterval", r.forbiddenRetryInterval());
            f.put("OutboundAuth", r.outboundAuth() == null ? "" : r.outboundAuth());
            f.put("OutboundProxy", "");
            f.put("FatalRetryInterval", r.fatalRetryInterval());
            f.put("SupportOutbound", false);
            f.put("Status", PjsipRegistrations.status(state));
            f.put("NextReg", PjsipShowRegistrationsCommand.nextReg(c, now));
            reply.listItem("OutboundRegistrationDetail", f);
            PjsipAuth a = m.settings().auth(r.outboundAuth());
            if (a != null) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("ObjectType", "auth");
                d.put("ObjectName", a.name());
                d.put("Username", a.username());
                d.put("Realm", a.realm() == null ? "" : a.realm());
                d.put("AuthType", a.authType());
                d.put("NonceLifetime", 32);
                d.put("EndpointName", r.endpoint() == null ? "" : r.endpoint());
                reply.listItem("AuthDetail", d);
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("Registered", registered);
        extra.put("NotRegistered", clients.size() - registered);
        reply.listComplete("OutboundRegistrationDetailComplete", extra);
    }
}
