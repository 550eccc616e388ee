package org.switchboard.channels.pjsip;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.channels.pjsip.PjsipContacts.Contact;
import org.switchboard.channels.pjsip.config.PjsipEndpoint;
import org.switchboard.channels.sip.SipChannelDriver;
import org.switchboard.channels.sip.SipStack;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.channels.sip.transport.Protocol;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelDriver;
import org.switchboard.core.ChannelUnavailableException;
import org.switchboard.core.HangupCause;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * {@code PJSIP/...} in Dial and Originate: {@code PJSIP/endpoint} calls the endpoint's contacts
 * (Dial rings every one of them at once, see {@link #forks}), {@code PJSIP/exten@endpoint} puts
 * exten in the Request-URI (a trunk), {@code PJSIP/endpoint/sip:uri} calls that URI as the
 * endpoint. The call itself is the SIP stack's ({@link SipChannelDriver#dial}).
 */
public final class PjsipChannelDriver implements ChannelDriver {
    @Override public String technology() { return "PJSIP"; }
    @Override public String description() { return "PJSIP Channel Driver"; }

    /**
     * {@code PJSIP/alice} with a desk phone and a softphone registered: one destination per
     * contact, {@code alice/sip:contact}, so that Dial rings them all and cancels the others when
     * one answers. An explicit URI, or one contact or none, stays as written.
     */
    @Override
    public List<String> forks(Pbx pbx, String data) {
        PjsipModule m = PjsipModule.get(pbx);
        if (m == null || m.stack() == null) return List.of(data);
        PjsipDialString d;
        try {
            d = PjsipDialString.parse(data);
        } catch (IllegalArgumentException e) {
            return List.of(data);
        }
        PjsipEndpoint e = d.requestUri() != null ? null : m.settings().endpoint(d.endpoint());
        if (e == null) return List.of(data);
        List<Contact> contacts = PjsipContacts.of(m.stack(), m.settings(), e);
        if (contacts.size() < 2) return List.of(data);
        List<String> out = new ArrayList<>();
        for (Contact c : contacts) out.add((d.user() == null ? "" : d.user() + "@") + e.name() + "/" + c.uri());
        return out;
    }

    @Override
    public Channel request(Pbx pbx, String data, Channel requestor) throws ChannelUnavailableException {
        PjsipModule m = PjsipModule.get(pbx);
        if (m == null || m.stack() == null) throw new ChannelUnavailableException(HangupCause.CHAN_NOT_IMPLEMENTED, "chan_pjsip is not running");
        SipStack stack = m.stack();
        PjsipDialString d;
        try {
            d = PjsipDialString.parse(data);
        } catch (IllegalArgumentException e) {
            throw new ChannelUnavailableException(HangupCause.INVALID_NUMBER_FORMAT, e.getMessage());
        }
        PjsipEndpoint e = m.settings().endpoint(d.endpoint());
        if (e == null) {
            PbxLog.warning("chan_pjsip.c", "Unable to create PJSIP channel - endpoint '" + d.endpoint() + "' was not found");
            throw new ChannelUnavailableException(HangupCause.NO_ROUTE_DESTINATION, "endpoint '" + d.endpoint() + "' was not found");
        }
        SipPeer peer = stack.settings().peer(e.name());
        if (peer != null) peer = PjsipMapping.forDialing(peer, m.settings().auth(e.outboundAuth()));
        List<Endpoint> target;
        SipUri ruri;
        if (d.requestUri() != null) {
            try {
                ruri = SipUri.parse(d.requestUri());
            } catch (IllegalArgumentException ex) {
                throw new ChannelUnavailableException(HangupCause.INVALID_NUMBER_FORMAT, "bad request URI '" + d.requestUri() + "': " + ex.getMessage());
            }
            Contact registered = null;
            for (Contact c : PjsipContacts.of(stack, m.settings(), e)) {
                if (c.binding() != null && c.binding().contact().equals(ruri)) registered = c;
            }
            target = registered != null ? List.of(target(registered)) : targets(stack, ruri, data, e.name(), peer);
        } else {
            List<Contact> contacts = PjsipContacts.of(stack, m.settings(), e);
            if (contacts.isEmpty()) {
                PbxLog.warning("chan_pjsip.c", "Endpoint '" + e.name() + "' has no available contacts"
                    + (e.aors().isEmpty() ? " (no aors)" : ""));
                throw new ChannelUnavailableException(HangupCause.SUBSCRIBER_ABSENT,
                    "Unable to call PJSIP/" + data + ": no registered or static contact");
            }
            Contact c = contacts.get(0);
            ruri = c.sipUri();
            if (ruri == null) throw new ChannelUnavailableException(HangupCause.INVALID_NUMBER_FORMAT, "bad contact '" + c.uri() + "'");
            target = c.binding() != null ? List.of(target(c)) : targets(stack, ruri, data, e.name(), peer);
        }
        if (d.user() != null) ruri = ruri.withUser(d.user());
        String to = "<" + ruri + ">";
        return SipChannelDriver.dial(pbx, stack, peer, target, ruri, to, e.name(), requestor, data);
    }

    private static Endpoint target(Contact c) {
        return new Endpoint(Protocol.of(c.binding().transport()),
            new InetSocketAddress(c.binding().targetHost(), c.binding().targetPort()));
    }

    /**
     * Where a request to {@code uri} goes (RFC 3263, on the dialing channel's thread): its transport
     * parameter, else TLS for a sips: URI (RFC 3261 §26.2.2) or an endpoint whose {@code transport=}
     * is a tls transport, else what NAPTR and SRV say, else UDP.
     */
    private static List<Endpoint> targets(SipStack stack, SipUri uri, String data, String endpoint, SipPeer peer)
            throws ChannelUnavailableException {
        String t = uri.transportParam();
        Protocol forced;
        try {
            forced = t != null ? Protocol.of(t) : peer != null && peer.transport() != Protocol.UDP ? peer.transport() : null;
        } catch (IllegalArgumentException ex) {
            throw new ChannelUnavailableException(HangupCause.NO_ROUTE_DESTINATION, "Unable to call PJSIP/" + data + ": " + ex.getMessage());
        }
        if (uri.isSecure() && forced == null) forced = Protocol.TLS;
        return SipChannelDriver.locate(stack, uri.host(), uri.port(), forced, "Endpoint '" + endpoint + "'", data);
    }
}
