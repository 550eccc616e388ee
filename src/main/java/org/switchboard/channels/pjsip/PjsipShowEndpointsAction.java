package org.switchboard.channels.pjsip;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.switchboard.channels.pjsip.config.PjsipEndpoint;
import org.switchboard.core.AbstractManagerAction;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.res.devstate.DeviceStates;

/** AMI {@code PJSIPShowEndpoints}: one EndpointList event per endpoint, then EndpointListComplete (res_pjsip's ami_show_endpoints). */
public final class PjsipShowEndpointsAction extends AbstractManagerAction {
    public PjsipShowEndpointsAction() {
        super("PJSIPShowEndpoints", "system,reporting", "Lists PJSIP endpoints.",
            "Action: PJSIPShowEndpoints\nActionID: <value>",
            """
            Provides a listing of all endpoints. For each endpoint an EndpointList event is raised
            (ObjectType, ObjectName, Transport, Aor, Auths, OutboundAuths, Contacts, DeviceState,
            ActiveChannels), then EndpointListComplete with ListItems. Without endpoints the
            response is an error: No endpoints found.""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        PjsipModule m = PjsipModule.running(request.pbx(), reply);
        if (m == null) return;
        if (m.settings().endpoints().isEmpty()) {
            reply.error("No endpoints found");
            return;
        }
        reply.listStart("A listing of Endpoints follows, presented as EndpointList events");
        for (PjsipEndpoint e : m.settings().endpoints().values()) {
            StringJoiner contacts = new StringJoiner(",", "", ",");
            contacts.setEmptyValue("");
            for (PjsipContacts.Contact c : PjsipContacts.of(m.stack(), m.settings(), e)) contacts.add(c.aor() + "/" + c.uri());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("ObjectType", "endpoint");
            f.put("ObjectName", e.name());
            f.put("Transport", e.transport() == null ? "" : e.transport());
            f.put("Aor", String.join(",", e.aors()));
            f.put("Auths", e.auth() == null ? "" : e.auth());
            f.put("OutboundAuths", e.outboundAuth() == null ? "" : e.outboundAuth());
            f.put("Contacts", contacts.toString());
            f.put("DeviceState", PjsipShow.label(DeviceStates.of(m.stack().pbx()).state("PJSIP/" + e.name())));
            f.put("ActiveChannels", m.stack().pbx().channels().byPrefix("PJSIP/" + e.name() + "-").size());
            reply.listItem("EndpointList", f);
        }
        reply.listComplete("EndpointListComplete", null);
    }
}
