package org.switchboard.channels.sip;

import org.switchboard.channels.sip.registrar.BindingEvent;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.Pbx;
import org.switchboard.res.devstate.DeviceStates;

/**
 * What chan_sip tells the rest of the PBX when a peer registers, unregisters or lets its
 * registration run out: the Manager's {@code PeerStatus} event ({@code Registered} /
 * {@code Unregistered}, with {@code Cause: Expired} for a lapse) and a new look at the device
 * state of {@code SIP/peer}, so {@code DeviceStateChange}, hints and {@code DEVICE_STATE()} follow
 * (UNAVAILABLE while no contact is bound, NOT_INUSE once one is).
 */
final class SipPeerStatus {
    private SipPeerStatus() {}

    static void registrationChanged(Pbx pbx, BindingEvent e) {
        String peer = e.binding().peer();
        if (pbx.events().hasSubscribers()) {
            ManagerEvent.Builder b = ManagerEvent.of("PeerStatus", "system").put("ChannelType", "SIP").put("Peer", "SIP/" + peer);
            switch (e.kind()) {
                case ADDED, REFRESHED -> b.put("PeerStatus", "Registered")
                        .put("Address", e.binding().targetHost() + ":" + e.binding().targetPort());
                case REMOVED -> b.put("PeerStatus", "Unregistered");
                case EXPIRED -> b.put("PeerStatus", "Unregistered").put("Cause", "Expired");
            }
            pbx.events().publish(b.build());
        }
        DeviceStates.of(pbx).changed("SIP/" + peer);
    }
}
