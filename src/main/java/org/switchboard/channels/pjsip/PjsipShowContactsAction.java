package org.switchboard.channels.pjsip;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.channels.pjsip.config.PjsipAor;
import org.switchboard.channels.sip.registrar.Binding;
import org.switchboard.core.AbstractManagerAction;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code PJSIPShowContacts}: a ContactList event per contact (static and registered), then ContactListComplete. */
public final class PjsipShowContactsAction extends AbstractManagerAction {
    public PjsipShowContactsAction() {
        super("PJSIPShowContacts", "system,reporting", "Lists PJSIP Contacts.",
            "Action: PJSIPShowContacts\nActionID: <value>",
            """
            Provides a listing of all Contacts. For each Contact a ContactList event is raised
            (ObjectType, ObjectName, ViaAddr, ViaPort, CallId, Endpoint, Uri, UserAgent,
            ExpirationTime, QualifyFrequency, Status, RoundtripUsec), then ContactListComplete.""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        PjsipModule m = PjsipModule.running(request.pbx(), reply);
        if (m == null) return;
        reply.listStart("A listing of Contacts follows, presented as ContactList events");
        for (PjsipAor a : m.settings().aors().values()) {
            List<PjsipContacts.Contact> contacts = PjsipContacts.ofAor(m.stack(), a);
            for (PjsipContacts.Contact c : contacts) {
                Binding b = c.binding();
                PjsipQualifier.Status s = m.qualifier() == null ? null : m.qualifier().status(c);
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("ObjectType", "contact");
                f.put("ObjectName", PjsipContacts.id(c));
                f.put("ViaAddr", b == null || b.source() == null ? "" : b.source().getAddress().getHostAddress());
                f.put("ViaPort", b == null || b.source() == null ? 0 : b.source().getPort());
                f.put("QualifyTimeout", "3.000000");
                f.put("CallId", b == null || b.callId() == null ? "" : b.callId());
                f.put("Endpoint", endpointOf(m, a.name()));
                f.put("Uri", c.uri());
                f.put("UserAgent", b == null || b.userAgent() == null ? "" : b.userAgent());
                f.put("ExpirationTime", b == null ? 0 : b.expiresAt().getEpochSecond());
                f.put("QualifyFrequency", a.qualifyFrequency());
                f.put("Status", s == null ? (a.qualifyFrequency() > 0 ? "Unknown" : "NonQualified") : s.status());
                f.put("RoundtripUsec", s == null || s.rttUsec() < 0 ? "N/A" : Long.toString(s.rttUsec()));
                reply.listItem("ContactList", f);
            }
        }
        reply.listComplete("ContactListComplete", null);
    }

    private static String endpointOf(PjsipModule m, String aor) {
        for (var e : m.settings().endpoints().values()) if (e.aors().contains(aor)) return e.name();
        return "";
    }
}
