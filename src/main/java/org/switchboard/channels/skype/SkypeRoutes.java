package org.switchboard.channels.skype;

import java.util.List;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jxmpp.jid.impl.JidCreate;
import org.switchboard.net.xmpp.jingle.Jingle;

/**
 * How to reach a buddy for a call: ask each of its online devices what it can do (XEP-0030,
 * answered from the XEP-0115 caps cache when its presence carried caps). Any device that speaks
 * JMI: propose to the bare JID so they all ring (XEP-0353 §2). Else a device that speaks Jingle
 * RTP audio gets a session-initiate. None: nobody can take the call. Blocking; runs on the
 * call's strand.
 */
final class SkypeRoutes {
    enum Kind { JMI, DIRECT, NONE }

    record Route(Kind kind, String fullJid) {}

    private SkypeRoutes() {}

    static Route route(SkypeAccount account, String bare) {
        XMPPConnection c = account.connection();
        Roster r = account.roster();
        if (c == null || r == null) return new Route(Kind.JMI, null);
        List<Presence> online;
        try {
            online = r.getAvailablePresences(JidCreate.bareFrom(bare)).stream().filter(Presence::isAvailable).toList();
        } catch (Exception e) {
            return new Route(Kind.JMI, null);
        }
        if (online.isEmpty()) return new Route(Kind.JMI, null); // presence unknown: the server routes the proposal
        ServiceDiscoveryManager sdm = ServiceDiscoveryManager.getInstanceFor(c);
        String audio = null;
        boolean answered = false;
        for (Presence p : online) {
            if (p.getFrom() == null) continue;
            DiscoverInfo info;
            try {
                info = sdm.discoverInfo(p.getFrom());
            } catch (Exception e) {
                continue; // this device does not say: others may
            }
            answered = true;
            if (info.containsFeature(Jingle.NS_JMI)) return new Route(Kind.JMI, null);
            if (audio == null && info.containsFeature(Jingle.NS_RTP) && info.containsFeature(Jingle.NS_RTP_AUDIO)) {
                audio = p.getFrom().toString();
            }
        }
        if (audio != null) return new Route(Kind.DIRECT, audio);
        return answered ? new Route(Kind.NONE, null) : new Route(Kind.JMI, null);
    }
}
