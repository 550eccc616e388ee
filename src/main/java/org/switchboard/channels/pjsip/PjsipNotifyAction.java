package org.switchboard.channels.pjsip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.switchboard.channels.pjsip.config.PjsipEndpoint;
import org.switchboard.channels.sip.SipStack;
import org.switchboard.channels.sip.message.CSeq;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.Headers;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.message.SipMethod;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.channels.sip.transaction.ClientTransactionUser;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.channels.sip.transport.Protocol;
import org.switchboard.core.AbstractManagerAction;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/**
 * AMI {@code PJSIPNotify}: an out-of-dialog NOTIFY (RFC 6665 §4.2, Subscription-State terminated)
 * to every contact of {@code Endpoint}, or to {@code URI}. Each {@code Variable: name=value}
 * becomes a header, except {@code Content}, whose values are the body's lines
 * ({@code Content-Type} names it). {@code Event} is needed: a phone cannot act on a NOTIFY without.
 */
public final class PjsipNotifyAction extends AbstractManagerAction {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9.!%*_+`'~-]+");

    public PjsipNotifyAction() {
        super("PJSIPNotify", "system", "Send a NOTIFY to either an endpoint, an arbitrary URI.",
            "Action: PJSIPNotify\nActionID: <value>\n[Endpoint:] <value>\n[URI:] <value>\nVariable: <value>",
            """
            Sends a NOTIFY to an endpoint's contacts or to a URI. Variable: name=value adds a header
            (Event=check-sync); Variable: Content=line adds a line to the body. Exactly one of
            Endpoint and URI; at least an Event variable.""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        PjsipModule m = PjsipModule.running(request.pbx(), reply);
        if (m == null) return;
        String endpoint = request.get("Endpoint", "").strip();
        String uri = request.get("URI", "").strip();
        if (endpoint.isEmpty() == uri.isEmpty()) {
            reply.error(endpoint.isEmpty() ? "PJSIPNotify requires either an endpoint name or a SIP URI."
                : "PJSIPNotify action can not handle both an endpoint name and a SIP URI.");
            return;
        }
        Headers.Builder extra = Headers.builder();
        List<String> body = new ArrayList<>();
        boolean event = false;
        for (String v : request.getAll("Variable")) {
            int eq = v.indexOf('=');
            String name = eq < 0 ? v.strip() : v.substring(0, eq).strip();
            String value = eq < 0 ? "" : v.substring(eq + 1);
            if (!TOKEN.matcher(name).matches() || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                reply.error("Bad variable '" + v + "': name=value, the name a SIP header name");
                return;
            }
            if (name.equalsIgnoreCase("Content")) body.add(value);
            else extra.addLine(name, value.strip());
            event |= name.equalsIgnoreCase("Event");
        }
        if (!event) {
            reply.error("PJSIPNotify requires an Event variable (Variable: Event=check-sync)");
            return;
        }
        List<SipUri> targets = new ArrayList<>();
        if (!uri.isEmpty()) {
            try {
                SipUri u = SipUri.parse(uri);
                if (!u.isSip()) throw new IllegalArgumentException("not a sip: URI");
                targets.add(u);
            } catch (IllegalArgumentException e) {
                reply.error("Could not parse URI '" + uri + "': " + e.getMessage());
                return;
            }
        } else {
            PjsipEndpoint e = m.settings().endpoint(endpoint);
            if (e == null) {
                reply.error("Unable to retrieve endpoint " + endpoint);
                return;
            }
            for (PjsipContacts.Contact c : PjsipContacts.of(m.stack(), m.settings(), e)) if (c.sipUri() != null) targets.add(c.sipUri());
            if (targets.isEmpty()) {
                reply.error("Endpoint " + endpoint + " has no contacts to notify");
                return;
            }
        }
        Headers headers = extra.build();
        byte[] content = body.isEmpty() ? null : (String.join("\r\n", body) + "\r\n").getBytes(StandardCharsets.UTF_8);
        for (SipUri t : targets) {
            if (!send(m.stack(), t, headers, content)) {
                reply.error("Unable to send NOTIFY to " + t);
                return;
            }
        }
        reply.success("NOTIFY sent");
    }

    private static boolean send(SipStack stack, SipUri target, Headers extra, byte[] body) {
        Endpoint to;
        try {
            Protocol p = target.transportParam() != null ? Protocol.of(target.transportParam()) : Protocol.UDP;
            to = new Endpoint(p, new InetSocketAddress(InetAddress.getByName(target.host()), target.port() > 0 ? target.port() : p.defaultPort()));
        } catch (java.net.UnknownHostException | IllegalArgumentException e) {
            return false;
        }
        String host = stack.localHost(to.address().getAddress());
        Headers.Builder h = Headers.builder()
            .add(HeaderNames.VIA, stack.newVia(to).toString())
            .add(HeaderNames.MAX_FORWARDS, "70")
            .add(HeaderNames.FROM, "<sip:asterisk@" + host + ">;tag=" + SipIds.tag())
            .add(HeaderNames.TO, "<" + target + ">")
            .add(HeaderNames.CONTACT, "<sip:asterisk@" + host + ":" + stack.localPort(to.protocol()) + ">")
            .add(HeaderNames.CALL_ID, SipIds.callId(host))
            .add(HeaderNames.CSEQ, new CSeq(1, SipMethod.NOTIFY).toString())
            .addLine("Subscription-State", "terminated")
            .add(HeaderNames.USER_AGENT, stack.settings().userAgent());
        for (int i = 0; i < extra.size(); i++) h.addLine(extra.name(i), extra.value(i));
        stack.layer().sendRequest(new SipRequest(SipMethod.NOTIFY, target, h.build(), body), to, new ClientTransactionUser() {
            // fire and forget, as res_pjsip_notify: the answer changes nothing here
            @Override public void onResponse(org.switchboard.channels.sip.transaction.ClientTransaction tx,
                                             org.switchboard.channels.sip.message.SipResponse r) {}
            @Override public void onTimeout(org.switchboard.channels.sip.transaction.ClientTransaction tx) {}
        });
        return true;
    }
}
