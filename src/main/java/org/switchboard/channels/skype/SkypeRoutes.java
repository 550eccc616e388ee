package org.switchboard.channels.skype;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
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
 *
 * <p>A device without caps was asked again on every call (Smack caches by caps only): a
 * disco#info round trip, about 9 ms of each call's set-up on loopback. Its answer is now kept
 * with the presence it came with, so a new presence from the device (which is how a client says
 * its features changed, XEP-0115 §1) asks again.
 */
final class SkypeRoutes {
    enum Kind { JMI, DIRECT, NONE }

    record Route(Kind kind, String fullJid) {}

    private SkypeRoutes() {}

    /** disco#info answers per presence stanza: weak keys, so a presence the roster replaced takes its answer with it. */
    static final class DiscoCache {
        private final Map<Presence, DiscoverInfo> byPresence = Collections.synchronizedMap(new WeakHashMap<>());

        DiscoverInfo get(Presence p) { return byPresence.get(p); }

        void put(Presence p, DiscoverInfo info) { byPresence.put(p, info); }
    }

    static Route route(SkypeAccount account, String bare, DiscoCache cache) {
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
            info = cache.get(p); // Stanza keeps identity equality: this very presence
            if (info == null) {
                try {
                    info = sdm.discoverInfo(p.getFrom());
                } catch (Exception e) {
                    continue; // this device does not say: others may
                }
                cache.put(p, info);
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
