package org.switchboard.channels.pjsip;

import java.util.LinkedHashMap;
import java.util.Map;
import org.switchboard.channels.pjsip.config.PjsipAor;
import org.switchboard.channels.pjsip.config.PjsipAuth;
import org.switchboard.channels.pjsip.config.PjsipEndpoint;
import org.switchboard.channels.pjsip.config.PjsipIdentify;
import org.switchboard.core.AbstractManagerAction;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.res.devstate.DeviceStates;

/**
 * AMI {@code PJSIPShowEndpoint}: EndpointDetail, then an AorDetail per aor, an AuthDetail per auth
 * (no password), a ContactStatusDetail per contact and an IdentifyDetail per identify, then
 * EndpointDetailComplete (res_pjsip's ami_show_endpoint).
 */
public final class PjsipShowEndpointAction extends AbstractManagerAction {
    public PjsipShowEndpointAction() {
        super("PJSIPShowEndpoint", "system,reporting", "Detail listing of an endpoint and its objects.",
            "Action: PJSIPShowEndpoint\nActionID: <value>\nEndpoint: <value>",
            """
            Provides a detailed listing of options for a given endpoint. Events are issued showing
            the configuration and status of the endpoint and associated objects (EndpointDetail,
            AorDetail, AuthDetail, ContactStatusDetail, IdentifyDetail), then EndpointDetailComplete.""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        PjsipModule m = PjsipModule.running(request.pbx(), reply);
        if (m == null) return;
        String name = request.get("Endpoint", "").strip();
        if (name.isEmpty()) {
            reply.error("Endpoint parameter missing.");
            return;
        }
        PjsipEndpoint e = m.settings().endpoint(name);
        if (e == null) {
            reply.error("Unable to retrieve endpoint " + name);
            return;
        }
        reply.listStart("Following are Events for each object associated with the Endpoint");
        PjsipEndpointFunction ef = new PjsipEndpointFunction();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("ObjectType", "endpoint");
        d.put("ObjectName", e.name());
        for (String[] kv : new String[][] {{"Context", "context"}, {"Aors", "aors"}, {"Auth", "auth"},
                {"OutboundAuth", "outbound_auth"}, {"Callerid", "callerid"}, {"DtmfMode", "dtmf_mode"},
                {"DirectMedia", "direct_media"}, {"FromUser", "from_user"}, {"FromDomain", "from_domain"},
                {"RtpSymmetric", "rtp_symmetric"}, {"ForceRport", "force_rport"}, {"RewriteContact", "rewrite_contact"},
                {"Language", "language"}, {"Mailboxes", "mailboxes"}, {"Transport", "transport"},
                {"MediaEncryption", "media_encryption"}, {"Allow", "allow"}}) {
            d.put(kv[0], ef.field(m, e, kv[1]));
        }
        d.put("DeviceState", PjsipShow.label(DeviceStates.of(m.stack().pbx()).state("PJSIP/" + e.name())));
        d.put("ActiveChannels", m.stack().pbx().channels().byPrefix("PJSIP/" + e.name() + "-").size());
        reply.listItem("EndpointDetail", d);
        for (String a : e.aors()) {
            PjsipAor aor = m.settings().aor(a);
            if (aor == null) continue;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("ObjectType", "aor");
            f.put("ObjectName", aor.name());
            f.put("MaxContacts", aor.maxContacts());
            f.put("RemoveExisting", PjsipObjectFunction.bool(aor.removeExisting()));
            f.put("DefaultExpiration", aor.defaultExpiration());
            f.put("QualifyFrequency", aor.qualifyFrequency());
            f.put("Contacts", String.join(",", PjsipContacts.ofAor(m.stack(), aor).stream().map(PjsipContacts.Contact::uri).toList()));
            f.put("TotalContacts", PjsipContacts.ofAor(m.stack(), aor).size());
            f.put("EndpointName", e.name());
            reply.listItem("AorDetail", f);
        }
        for (String an : new String[] {e.auth(), e.outboundAuth()}) {
            PjsipAuth a = m.settings().auth(an);
            if (a == null) continue;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("ObjectType", "auth");
            f.put("ObjectName", a.name());
            f.put("Username", a.username());
            f.put("Realm", a.realm() == null ? "" : a.realm());
            f.put("AuthType", a.authType());
            f.put("EndpointName", e.name());
            reply.listItem("AuthDetail", f);
        }
        for (PjsipContacts.Contact c : PjsipContacts.of(m.stack(), m.settings(), e)) {
            PjsipQualifier.Status s = m.qualifier() == null ? null : m.qualifier().status(c);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("AOR", c.aor());
            f.put("URI", c.uri());
            f.put("UserAgent", c.binding() == null || c.binding().userAgent() == null ? "" : c.binding().userAgent());
            f.put("RegExpire", c.binding() == null ? 0 : c.binding().expiresAt().getEpochSecond());
            f.put("ViaAddress", c.binding() == null ? "" : c.binding().source().getAddress().getHostAddress() + ":" + c.binding().source().getPort());
            f.put("CallID", c.binding() == null || c.binding().callId() == null ? "" : c.binding().callId());
            f.put("Status", s == null ? "Unknown" : s.status());
            f.put("RoundtripUsec", s == null || s.rttUsec() < 0 ? "N/A" : Long.toString(s.rttUsec()));
            f.put("EndpointName", e.name());
            reply.listItem("ContactStatusDetail", f);
        }
        for (PjsipIdentify i : m.settings().identifies()) {
            if (!i.endpoint().equals(e.name())) continue;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("ObjectType", "identify");
            f.put("ObjectName", i.name());
            f.put("Endpoint", i.endpoint());
            f.put("Match", String.join(",", i.matches().stream().map(r -> r.toString().replaceFirst("^permit ", "")).toList()));
            reply.listItem("IdentifyDetail", f);
        }
        reply.listComplete("EndpointDetailComplete", null);
    }
}
