package org.switchboard.channels.skype;

import java.util.List;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smackx.caps.EntityCapsManager;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.switchboard.net.xmpp.jingle.Jingle;

/**
 * What an account tells the network it can do (XEP-0030 disco#info), and the XEP-0115 caps hash
 * of that in its presence, which clients read to decide whether to show a call button. Exactly
 * what we implement: Smack's own managers add features of theirs on creation, which we take off.
 */
final class SkypeDisco {
    static final String NODE = "https://switchboard.invalid/caps";

    /**
     * The features, XEP-0030 §3.1 first. No XEP names a feature for RFC 4733 telephone-event or
     * RFC 5761 rtcp-mux payloads; clients (Conversations, Dino) advertise them by the RFC's URN.
     */
    static final List<String> FEATURES = List.of(
        "http://jabber.org/protocol/disco#info",
        "http://jabber.org/protocol/caps",
        Jingle.NS,                 // XEP-0166
        Jingle.NS_RTP,             // XEP-0167
        Jingle.NS_RTP_AUDIO,       // XEP-0167 §11: audio
        Jingle.NS_ICE_UDP,         // XEP-0176
        Jingle.NS_DTLS,            // XEP-0320
        Jingle.NS_JMI,             // XEP-0353
        "urn:ietf:rfc:4733",       // telephone-event
        "urn:ietf:rfc:5761",       // rtcp-mux
        "urn:xmpp:ping");          // XEP-0199: Smack answers pings

    private SkypeDisco() {}

    static void advertise(XMPPConnection c) {
        EntityCapsManager.setDefaultEntityNode(NODE); // Smack keeps the node process-wide
        EntityCapsManager.getInstanceFor(c).enableEntityCaps();
        ServiceDiscoveryManager sdm = ServiceDiscoveryManager.getInstanceFor(c);
        sdm.setIdentity(new DiscoverInfo.Identity("client", "pc", "Switchboard"));
        for (String f : List.copyOf(sdm.getFeatures())) if (!FEATURES.contains(f)) sdm.removeFeature(f);
        for (String f : FEATURES) if (!sdm.includesFeature(f)) sdm.addFeature(f);
    }
}
