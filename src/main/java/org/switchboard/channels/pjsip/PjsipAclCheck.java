package org.switchboard.channels.pjsip;

import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.switchboard.channels.pjsip.config.PjsipAcl;
import org.switchboard.channels.pjsip.config.PjsipSettings;
import org.switchboard.channels.sip.message.NameAddr;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.core.PbxLog;

/**
 * res_pjsip_acl: every {@code type=acl} section's source list must admit the address a request
 * came from, and its contact list the address in each Contact; the first that refuses is named
 * in a WARNING and a SECURITY line (SecurityEvent FailedACL), and the request gets 403.
 */
final class PjsipAclCheck {
    private static final String SOURCE = "res_pjsip_acl.c";
    private static final DateTimeFormatter TV = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxx").withZone(ZoneOffset.UTC);

    private PjsipAclCheck() {}

    static boolean denied(PjsipSettings p, Endpoint from, SipRequest r) {
        if (p.acls().isEmpty()) return false;
        InetAddress source = from.address().getAddress();
        for (PjsipAcl a : p.acls()) {
            if (!a.source().allows(source)) return refuse(from, r, a, "InvalidACL");
            if (a.contact().isEmpty()) continue;
            for (InetAddress c : contactAddresses(r)) {
                if (!a.contact().allows(c)) return refuse(from, r, a, "InvalidContactACL");
            }
        }
        return false;
    }

    /** The literal addresses in the request's Contacts (a name is never resolved here). */
    private static List<InetAddress> contactAddresses(SipRequest r) {
        List<NameAddr> contacts;
        try {
            contacts = r.contacts();
        } catch (RuntimeException e) {
            return List.of(); // a bad Contact is the parser's 400 to give, not ours
        }
        return contacts.stream().filter(c -> !c.isWildcard() && c.uri() != null && c.uri().host() != null)
            .map(c -> literal(c.uri().host())).filter(java.util.Objects::nonNull).toList();
    }

    private static InetAddress literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return InetAddress.getByAddress(org.switchboard.channels.sip.config.Acl.parseLiteral(h));
        } catch (RuntimeException | java.net.UnknownHostException e) {
            return null;
        }
    }

    private static boolean refuse(Endpoint source, SipRequest r, PjsipAcl a, String why) {
        InetAddress addr = source.address().getAddress();
        String from = addr.getHostAddress();
        PbxLog.limited(PbxLog.Level.WARNING, SOURCE, from, "Message from '" + from + "' failed '" + a.name()
            + "' ACL check (" + a.file() + ":" + a.line() + ")");
        PbxLog.limited(PbxLog.Level.SECURITY, SOURCE, from + "/acl", "SecurityEvent=\"FailedACL\",EventTV=\""
            + TV.format(Instant.now()) + "\",Severity=\"Error\",Service=\"PJSIP\",EventVersion=\"1\",AccountID=\""
            + account(r) + "\",SessionID=\"" + clean(r.callId()) + "\",LocalAddress=\"\",RemoteAddress=\"" + (addr instanceof java.net.Inet6Address ? "IPV6/" : "IPV4/")
            + source.protocol() + "/" + from + "/" + source.address().getPort()
            + "\",ACLName=\"" + a.name() + "\",Reason=\"" + why + "\"");
        return true;
    }

    private static String account(SipRequest r) {
        try {
            return r.from() == null || r.from().uri() == null ? "" : clean(r.from().uri().user());
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String clean(String s) { return s == null ? "" : s.replaceAll("[^\\x21-\\x7e]|\"", "?"); }
}
