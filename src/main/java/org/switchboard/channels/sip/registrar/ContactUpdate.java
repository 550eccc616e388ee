package org.switchboard.channels.sip.registrar;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.channels.sip.message.CSeq;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.NameAddr;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.core.PbxLog;

/** Steps 6-8 of RFC 3261 §10.3 for an authenticated REGISTER: check the Contacts, update the bindings, answer 200. */
final class ContactUpdate {
    private ContactUpdate() {}

    private record Wanted(SipUri uri, long expires) {}

    static RegisterOutcome apply(SipRequest request, SipPeer peer, InetSocketAddress source, String transport,
                                 SipSettings s, Bindings bindings, Clock clock, int maxContacts,
                                 boolean removeExisting, PeerRules.Expiry expiry, String tag) {
        List<NameAddr> contacts;
        try {
            contacts = request.contacts();
        } catch (IllegalArgumentException e) {
            return RegisterOutcome.reply(Registrar.reply(request, 400, "Bad Request (bad Contact)", tag, s));
        }
        long headerExpires = request.expires();
        if (request.header(HeaderNames.EXPIRES) != null && headerExpires < 0) {
            return RegisterOutcome.reply(Registrar.reply(request, 400, "Bad Request (bad Expires)", tag, s));
        }
        Instant now = clock.instant();
        List<BindingEvent> events = new ArrayList<>();
        boolean wildcard = contacts.stream().anyMatch(NameAddr::isWildcard);
        if (wildcard) {
            // SPEC: RFC 3261 §10.3 step 6: "*" only alone and with Expires: 0
            if (contacts.size() != 1 || headerExpires != 0) {
                return RegisterOutcome.reply(Registrar.reply(request, 400, "Bad Request (Contact * needs Expires: 0)", tag, s));
            }
            events.addAll(bindings.removeAll(peer.name()));
            logRemoved(peer, events);
            return ok(request, peer, bindings, now, -1, events, tag, s);
        }
        List<Wanted> wanted = new ArrayList<>();
        for (NameAddr c : contacts) {
            long e = contactExpires(c, headerExpires, expiry.dflt());
            // SPEC: RFC 3261 §10.3 step 7: too brief → 423 with Min-Expires (§20.23)
            if (e > 0 && e < expiry.min()) {
                SipResponse r = Registrar.reply(request, 423, "Interval Too Brief", tag, s);
                return RegisterOutcome.reply(r.withHeaders(r.headers().toBuilder()
                    .add("Min-Expires", Integer.toString(expiry.min())).build()));
            }
            wanted.add(new Wanted(c.uri(), Math.min(e, expiry.max())));
        }
        if (wanted.isEmpty()) return ok(request, peer, bindings, now, -1, events, tag, s); // a query (§10.3 step 6)
        boolean behindNat = Registrar.viaDiffers(request, source);
        // RFC 7118 §5: a browser's Contact host is made up (*.invalid); only its WebSocket flow reaches it
        boolean flow = "WS".equals(transport) || "WSS".equals(transport);
        boolean useSource = flow || peer.nat().useSourceAddress(behindNat);
        String callId = request.callId();
        CSeq cseq;
        try {
            cseq = request.cseq();
        } catch (IllegalArgumentException e) {
            cseq = null;
        }
        long seq = cseq == null ? 0 : cseq.seq();
        String ua = request.header(HeaderNames.USER_AGENT);
        long[] granted = {-1};
        boolean[] outOfOrder = {false};
        boolean[] tooMany = {false};
        bindings.update(peer.name(), old -> {
            // SPEC: RFC 3261 §10.3 step 7: same Call-ID and a CSeq not higher aborts the whole update
            for (Wanted w : wanted) {
                int at = indexOf(old, w.uri());
                if (at >= 0 && callId != null && callId.equals(old.get(at).callId()) && seq <= old.get(at).cseq()
                        && !old.get(at).isExpired(now)) {
                    outOfOrder[0] = true;
                    return old;
                }
            }
            List<Binding> list = new ArrayList<>(old);
            for (Wanted w : wanted) {
                int at = indexOf(list, w.uri());
                Binding existing = at < 0 ? null : list.get(at);
                if (w.expires() == 0) {
                    if (existing != null) {
                        list.remove(at);
                        events.add(new BindingEvent(BindingEvent.Kind.REMOVED, existing));
                    }
                    continue;
                }
                String host = useSource ? source.getAddress().getHostAddress() : w.uri().host();
                int port = useSource ? source.getPort() : (w.uri().port() >= 0 ? w.uri().port()
                    : w.uri().isSecure() || "tls".equalsIgnoreCase(w.uri().transportParam()) ? 5061 : 5060); // §19.1.2, §26.2
                Binding b = new Binding(peer.name(), w.uri(), host, port, transport, source, callId, seq, ua,
                    existing == null ? now : existing.registeredAt(), now.plusSeconds(w.expires()));
                granted[0] = w.expires();
                if (existing != null) {
                    list.set(at, b);
                    events.add(new BindingEvent(existing.isExpired(now) ? BindingEvent.Kind.ADDED : BindingEvent.Kind.REFRESHED, b));
                } else {
                    list.add(b);
                    events.add(new BindingEvent(BindingEvent.Kind.ADDED, b));
                }
            }
            list.removeIf(b -> {
                if (!b.isExpired(now)) return false;
                events.add(new BindingEvent(BindingEvent.Kind.EXPIRED, b));
                return true;
            });
            if (list.size() > maxContacts && !removeExisting) { // res_pjsip: remove_existing=no refuses the extra contact
                tooMany[0] = true;
                events.clear();
                return old;
            }
            while (list.size() > maxContacts) { // the oldest registration makes room
                Binding oldest = list.get(0);
                for (Binding b : list) if (b.registeredAt().isBefore(oldest.registeredAt())) oldest = b;
                list.remove(oldest);
                events.add(new BindingEvent(BindingEvent.Kind.REMOVED, oldest));
            }
            return list;
        });
        if (outOfOrder[0]) {
            return RegisterOutcome.reply(Registrar.reply(request, 500, "Server Internal Error (REGISTER out of order)", tag, s));
        }
        if (tooMany[0]) {
            org.switchboard.channels.sip.transport.PeerLog.log(PbxLog.Level.WARNING, "res_pjsip_registrar.c", source,
                "Registration attempt to AOR '" + peer.name() + "' will exceed max contacts of " + maxContacts);
            return RegisterOutcome.reply(Registrar.reply(request, 403, "Forbidden", tag, s));
        }
        for (BindingEvent e : events) {
            if (e.kind() == BindingEvent.Kind.ADDED) {
                PbxLog.verbose(3, "Registered SIP '" + peer.name() + "' at " + e.binding().targetHost() + ":"
                    + e.binding().targetPort());
            }
        }
        logRemoved(peer, events);
        return ok(request, peer, bindings, now, granted[0], events, tag, s);
    }

    /** The contact's expires parameter, else the Expires header, else defaultexpiry (§10.2.1.1). */
    private static long contactExpires(NameAddr c, long headerExpires, int defaultExpiry) {
        String p = c.param("expires");
        if (p != null) {
            String t = p.trim();
            if (t.matches("\\d{1,10}")) return Long.parseLong(t);
        }
        return headerExpires >= 0 ? headerExpires : defaultExpiry;
    }

    private static int indexOf(List<Binding> list, SipUri uri) {
        for (int i = 0; i < list.size(); i++) if (list.get(i).contact().equals(uri)) return i;
        return -1;
    }

    private static void logRemoved(SipPeer peer, List<BindingEvent> events) {
        for (BindingEvent e : events) {
            if (e.kind() == BindingEvent.Kind.REMOVED) PbxLog.verbose(3, "Unregistered SIP '" + peer.name() + "'");
        }
    }

    /** 200 with every current binding as {@code Contact: <uri>;expires=N} (§10.3 step 8), and Date. */
    private static RegisterOutcome ok(SipRequest request, SipPeer peer, Bindings bindings, Instant now, long granted,
                                      List<BindingEvent> events, String tag, SipSettings s) {
        SipResponse r = Registrar.reply(request, 200, "OK", tag, s);
        var h = r.headers().toBuilder();
        for (Binding b : bindings.contacts(peer.name())) {
            h.add(HeaderNames.CONTACT, NameAddr.of(b.contact()).withParam("expires", Long.toString(b.expiresIn(now))).toString());
        }
        if (granted >= 0) h.add(HeaderNames.EXPIRES, Long.toString(granted)); // chan_sip sends it too; older phones read only this
        h.add("Date", Registrar.date(now));
        return new RegisterOutcome(r.withHeaders(h.build()), peer.name(), events);
    }
}
