package org.switchboard.channels.sip.ami;

import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code SIPqualifypeer}: sends an OPTIONS to the peer now (chan_sip's manager_sip_qualify_peer). */
public final class SipQualifyPeerAction extends SipManagerAction {
    public SipQualifyPeerAction() {
        super("SIPqualifypeer", "Qualify SIP peers.",
            "Action: SIPqualifypeer\nActionID: <value>\nPeer: <value>",
            "Qualify a SIP peer: send it an OPTIONS request now. Peer is the peer name you want to qualify.");
    }

    @Override
    void execute(SipModule sip, ManagerRequest request, ManagerReply reply) {
        String name = peerHeader(request, reply);
        if (name == null) return;
        SipPeer p = peer(sip, name);
        if (p == null) {
            reply.error("Peer not found");
            return;
        }
        sip.background().qualifier().qualify(p);
        reply.success("SIP peer found - will qualify");
    }
}
