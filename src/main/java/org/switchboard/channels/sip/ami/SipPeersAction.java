package org.switchboard.channels.sip.ami;

import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.SipPeerView;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;

/** AMI {@code SIPpeers}: one PeerEntry per peer, then PeerlistComplete (chan_sip's manager_sip_show_peers). */
public final class SipPeersAction extends SipManagerAction {
    public SipPeersAction() {
        super("SIPpeers", "List SIP peers (text format).",
            "Action: SIPpeers\nActionID: <value>",
            """
            Lists SIP peers in text format with details on current status. The response is a
            PeerEntry event per peer (Channeltype, ObjectName, IPaddress, IPport, Dynamic, NAT
            settings, ACL, Status, ...), then PeerlistComplete with ListItems.""");
    }

    @Override
    void execute(SipModule sip, ManagerRequest request, ManagerReply reply) {
        reply.listStart("Peer status list will follow");
        for (SipPeerView v : SipPeerView.all(sip.stack(), null)) {
            var n = v.peer().nat();
            reply.listItem("PeerEntry", fields(
                "Channeltype", "SIP",
                "ObjectName", v.peer().name(),
                "ChanObjectType", "peer",
                "IPaddress", v.ip() == null ? "-none-" : v.ip(),
                "IPport", Integer.toString(v.port()),
                "Dynamic", yesNo(v.peer().isDynamic()),
                "AutoForcerport", yesNo(n.auto() && n.forceRport()),
                "Forcerport", yesNo(n.forceRport() && (!n.auto() || v.natDetected())),
                "AutoComedia", yesNo(n.auto() && n.comedia()),
                "Comedia", yesNo(n.comedia() && (!n.auto() || v.natDetected())),
                "VideoSupport", "no",
                "TextSupport", "no",
                "ACL", yesNo(!v.peer().acl().isEmpty()),
                "Status", v.status(),
                "RealtimeDevice", "no",
                "Description", "",
                "Accountcode", SipPeerView.nz(v.peer().accountCode())));
        }
        reply.listComplete("PeerlistComplete", null);
    }
}
