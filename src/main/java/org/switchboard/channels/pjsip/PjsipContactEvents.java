package org.switchboard.channels.pjsip;

import org.switchboard.channels.pjsip.config.PjsipEndpoint;
import org.switchboard.channels.pjsip.config.PjsipSettings;
import org.switchboard.channels.sip.SipStack;
import org.switchboard.channels.sip.registrar.Binding;
import org.switchboard.channels.sip.registrar.BindingEvent;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.PbxLog;

/**
 * What res_pjsip tells the Manager when a REGISTER changes an aor's contacts: {@code ContactStatus}
 * with {@code Created} (a new contact), {@code Updated} (a refresh) or {@code Removed} (Expires 0,
 * a lapse, or replaced under {@code max_contacts}), carrying the registration's UserAgent,
 * RegExpire, ViaAddress and CallID as asterisk-java's ContactStatusEvent reads them; and, when an
 * endpoint gains its first contact or loses its last, chan_pjsip's {@code PeerStatus}
 * ({@code Reachable} / {@code Unreachable}, ChannelType PJSIP).
 */
final class PjsipContactEvents {

    private PjsipContactEvents() {}

    static void publish(SipStack stack, PjsipSettings settings, BindingEvent e) {
        Binding b = e.binding();
        String status = switch (e.kind()) {
            case ADDED -> "Created";
            case REFRESHED -> "Updated";
            case REMOVED, EXPIRED -> "Removed";
        };
        String uri = b.contact().toString();
        if (e.kind() == BindingEvent.Kind.ADDED) PbxLog.verbose(2, "Contact " + b.peer() + "/" + uri + " has been created");
        else if (e.kind() != BindingEvent.Kind.REFRESHED) PbxLog.verbose(2, "Contact " + b.peer() + "/" + uri + " has been deleted");
        var events = stack.pbx().events();
        for (PjsipEndpoint ep : settings.endpoints().values()) {
            if (ep.aors().stream().noneMatch(a -> a.equalsIgnoreCase(b.peer()))) continue;
            if (events.hasSubscribers()) {
                events.publish(ManagerEvent.of("ContactStatus", "system").put("URI", uri).put("ContactStatus", status)
                    .put("AOR", b.peer()).put("EndpointName", ep.name()).put("RoundtripUsec", "0")
                    .put("UserAgent", b.userAgent() == null ? "" : b.userAgent())
                    .put("RegExpire", Long.toString(b.expiresAt().getEpochSecond()))
                    .put("ViaAddress", b.source().getAddress().getHostAddress() + ":" + b.source().getPort())
                    .put("CallID", b.callId() == null ? "" : b.callId()).build());
            }
            int left = PjsipContacts.of(stack, settings, ep).size();
            String peer = e.kind() == BindingEvent.Kind.ADDED && left == 1 ? "Reachable"
                : e.kind() != BindingEvent.Kind.ADDED && e.kind() != BindingEvent.Kind.REFRESHED && left == 0 ? "Unreachable" : null;
            if (peer == null) continue;
            PbxLog.verbose(2, "Endpoint " + ep.name() + " is now " + peer);
            if (events.hasSubscribers()) {
                events.publish(ManagerEvent.of("PeerStatus", "system").put("ChannelType", "PJSIP").put("Peer", "PJSIP/" + ep.name())
                    .put("PeerStatus", peer).build());
            }
        }
    }
}
