package org.switchboard.channels.skype;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.impl.JidCreate;
import org.switchboard.core.PbxLog;
import org.switchboard.net.xmpp.extdisco.ExternalServices;
import org.switchboard.net.xmpp.extdisco.ExternalServicesProvider;

/**
 * XEP-0215 for ICE (XEP-0176 §2 leaves gathering to the client): after each login the account asks
 * its server which STUN server to use, so calls get a server-reflexive candidate without
 * chan_skype.conf's {@code stunaddr}. Asked off the login thread; a server without the service
 * (Prosody without mod_external_services) is one verbose line and calls go on with host candidates.
 */
final class SkypeServerStun {
    private static final long TIMEOUT_MS = 5_000;

    private SkypeServerStun() {}

    /** The first UDP STUN service the server names, resolved; null when there is none. */
    static InetSocketAddress ask(XMPPTCPConnection c, SkypeAccount account) {
        ExternalServicesProvider.install();
        ExternalServices answer;
        try {
            answer = c.createStanzaCollectorAndSend(ExternalServices.request(JidCreate.domainBareFrom(account.domain()), "stun"))
                    .nextResultOrThrow(TIMEOUT_MS);
        } catch (XMPPException.XMPPErrorException e) {
            PbxLog.verbose(3, "Skype account '" + account.name() + "': the server offers no STUN service (XEP-0215: "
                    + e.getStanzaError().getCondition() + ")");
            return null;
        } catch (Exception e) {
            PbxLog.verbose(3, "Skype account '" + account.name() + "': asking the server for a STUN service failed: " + e.getMessage());
            return null;
        }
        for (ExternalServices.Service s : answer.services()) {
            if (!s.type().equals("stun") || !s.transport().equalsIgnoreCase("udp")) continue;
            try {
                InetSocketAddress a = new InetSocketAddress(InetAddress.getByName(s.host()), s.port());
                PbxLog.verbose(3, "Skype account '" + account.name() + "': STUN server " + s.host() + ":" + s.port() + " from the XMPP server");
                return a;
            } catch (UnknownHostException e) {
                PbxLog.limited(PbxLog.Level.WARNING, SkypeAccount.LOG, "extdisco", "Skype account '" + account.name()
                        + "': the STUN server " + s.host() + " the XMPP server named does not resolve");
            }
        }
        return null;
    }
}
