package org.switchboard.channels.pjsip;

import java.util.Locale;
import java.util.stream.Collectors;
import org.switchboard.channels.sip.config.DtmfMode;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.config.SipRegistration;
import org.switchboard.channels.sip.config.SipSettings;

/**
 * sip.conf as pjsip.conf, as Asterisk's contrib sip_to_pjsip script converts it (our own
 * writing): the binds become transports; each peer an endpoint, an aor of the same name
 * (max_contacts=1 for host=dynamic, a static contact otherwise, qualify_frequency for qualify) and,
 * with a secret, an auth; a peer with a fixed host also an identify by address; each
 * {@code register =>} line a registration with its own auth. What pjsip.conf has no place for
 * (a peer's permit/deny) is left as a comment.
 */
final class SipToPjsip {
    private SipToPjsip() {}

    static String convert(SipSettings s) {
        StringBuilder b = new StringBuilder("; pjsip.conf converted from sip.conf by sip_to_pjsip\n\n");
        b.append("[transport-udp]\ntype=transport\nprotocol=udp\nbind=").append(s.udpBindAddr()).append(':')
            .append(s.udpBindPort()).append("\n\n");
        if (s.tcpEnable()) {
            b.append("[transport-tcp]\ntype=transport\nprotocol=tcp\nbind=").append(s.tcpBindAddr()).append(':')
                .append(s.tcpBindPort()).append("\n\n");
        }
        for (SipPeer p : s.peers().values()) peer(b, p);
        int n = 0;
        for (SipRegistration r : s.registrations()) registration(b, r, ++n, s);
        return b.toString();
    }

    private static void peer(StringBuilder b, SipPeer p) {
        boolean auth = p.secret() != null || p.md5secret() != null;
        b.append('[').append(p.name()).append("]\ntype=endpoint\ncontext=").append(p.context()).append('\n');
        b.append("disallow=all\n");
        if (!p.codecs().isEmpty()) {
            b.append("allow=").append(p.codecs().stream().map(c -> c.confName()).collect(Collectors.joining(","))).append('\n');
        }
        b.append("aors=").append(p.name()).append('\n');
        if (auth && p.isDynamic()) b.append("auth=").append(p.name()).append('\n');
        if (auth && !p.isDynamic()) b.append("outbound_auth=").append(p.name()).append('\n');
        if (p.callerId() != null) b.append("callerid=").append(p.callerId()).append('\n');
        b.append("dtmf_mode=").append(p.dtmfMode() == DtmfMode.RFC2833 ? "rfc4733" : p.dtmfMode().name().toLowerCase(Locale.ROOT)).append('\n');
        if (p.fromUser() != null) b.append("from_user=").append(p.fromUser()).append('\n');
        if (p.fromDomain() != null) b.append("from_domain=").append(p.fromDomain()).append('\n');
        if (p.language() != null) b.append("language=").append(p.language()).append('\n');
        if (p.mailbox() != null && !p.mailbox().isEmpty()) b.append("mailboxes=").append(p.mailbox()).append('\n');
        if (p.nat() != null && p.nat().forceRport() && !p.nat().auto()) b.append("force_rport=yes\nrewrite_contact=yes\n");
        if (p.nat() != null && p.nat().comedia()) b.append("rtp_symmetric=yes\n");
        if (p.encryption() != null && p.encryption().sdes()) b.append("media_encryption=sdes\n");
        if (p.transport() != null && p.transport() == org.switchboard.channels.sip.transport.Protocol.TCP) b.append("transport=transport-tcp\n");
        if (!p.acl().isEmpty()) b.append("; sip.conf had permit/deny/acl here: put them in a type=acl section\n");
        b.append('\n');
        if (auth) {
            b.append('[').append(p.name()).append("]\ntype=auth\n");
            b.append("username=").append(p.defaultUser() != null ? p.defaultUser() : p.name()).append('\n');
            if (p.secret() != null) b.append("auth_type=userpass\npassword=").append(p.secret()).append('\n');
            else b.append("auth_type=md5\nmd5_cred=").append(p.md5secret()).append('\n');
            b.append('\n');
        }
        b.append('[').append(p.name()).append("]\ntype=aor\n");
        if (p.isDynamic()) b.append("max_contacts=1\nremove_existing=yes\n");
        else b.append("contact=sip:").append(p.host()).append(p.port() > 0 && p.port() != 5060 ? ":" + p.port() : "").append('\n');
        if (p.qualifyMs() > 0) b.append("qualify_frequency=60\n");
        b.append('\n');
        if (!p.isDynamic()) {
            b.append('[').append(p.name()).append("-identify]\ntype=identify\nendpoint=").append(p.name())
                .append("\nmatch=").append(p.host()).append("\n\n");
        }
    }

    private static void registration(StringBuilder b, SipRegistration r, int n, SipSettings s) {
        String name = "reg" + n + "-" + r.host().replaceAll("[^A-Za-z0-9.-]", "_");
        b.append('[').append(name).append("]\ntype=registration\n");
        b.append("server_uri=sip:").append(r.host()).append(r.port() > 0 ? ":" + r.port() : "").append('\n');
        b.append("client_uri=sip:").append(r.user()).append('@').append(r.domain() != null ? r.domain() : r.host()).append('\n');
        if (r.secret() != null) b.append("outbound_auth=").append(name).append('\n');
        b.append("contact_user=").append(r.contact()).append('\n');
        b.append("retry_interval=").append(s.registerTimeout()).append('\n');
        if (r.expiry() > 0) b.append("expiration=").append(r.expiry()).append('\n');
        if (!r.transport().equals("udp")) b.append("transport=transport-").append(r.transport()).append('\n');
        b.append('\n');
        if (r.secret() != null) {
            b.append('[').append(name).append("]\ntype=auth\nauth_type=userpass\nusername=").append(r.digestUser())
                .append("\npassword=").append(r.secret()).append("\n\n");
        }
    }
}
