package org.switchboard.channels.sip.registry;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import org.switchboard.channels.sip.config.SipRegistration;
import org.switchboard.channels.sip.message.DigestClient;
import org.switchboard.channels.sip.message.DigestCredentials;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.Headers;
import org.switchboard.channels.sip.message.NameAddr;
import org.switchboard.channels.sip.message.SipMethod;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.channels.sip.message.Via;

/**
 * REGISTER requests for a {@code register =>} line and what the client reads from the answers
 * (RFC 3261 §10.2), as pure functions: no I/O, no state. Nothing here throws for a malformed
 * response; what cannot be read is reported as absent.
 */
final class RegisterRequests {
    private RegisterRequests() {}

    /** What varies from one REGISTER of a line to the next. */
    record Params(String callId, String fromTag, long cseq, String branch, long expires, String userAgent,
                  InetSocketAddress local, Authorization auth) {}

    /** An Authorization or Proxy-Authorization header to add. */
    record Authorization(String header, String value) {}


    /** How long the registrar kept our binding, and where that came from. */
    record Granted(long seconds, Source source) {
        enum Source { CONTACT, EXPIRES_HEADER, NONE }
    }

    /** The transport word in Via: UDP, TCP or TLS. */
    static String viaTransport(SipRegistration reg) { return reg.transport().toUpperCase(Locale.ROOT); }

    /** The registrar's port: the line's, else 5060 (5061 for tls). */
    static int port(SipRegistration reg) {
        if (reg.port() > 0) return reg.port();
        return reg.transport().equals("tls") ? 5061 : 5060;
    }

    /** Request-URI: the line's own when it names one, else {@code sip:domain} when the line names a domain, else {@code sip:host[:port]} (§10.2: no user part). */
    static SipUri requestUri(SipRegistration reg) {
        if (reg.requestUri() != null) return SipUri.parse(reg.requestUri());
        return reg.domain() != null ? SipUri.sip(null, reg.domain(), -1) : SipUri.sip(null, reg.host(), reg.port());
    }

    /** The address of record for To and From: {@code sip:user@domain-or-host} (§10.2). */
    static SipUri aor(SipRegistration reg) {
        return SipUri.sip(reg.user(), reg.domain() != null ? reg.domain() : reg.host(), -1);
    }

    /** Our Contact: {@code sip:CONTACT_EXTEN@our-ip:our-port}, with {@code transport=tcp} (or tls) over TCP (or TLS). */
    static SipUri contact(SipRegistration reg, InetSocketAddress local) {
        SipUri u = SipUri.sip(reg.contact(), hostOf(local), local.getPort());
        return reg.transport().equals("udp") ? u : u.withParam("transport", reg.transport());
    }

    static String hostOf(InetSocketAddress a) {
        String h = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return h.indexOf(':') >= 0 && !h.startsWith("[") ? "[" + h + "]" : h;
    }

    /** One REGISTER (§10.2.1): same Call-ID and From tag for the life of the line, CSeq rising (§10.2.4). */
    static SipRequest build(SipRegistration reg, Params p) {
        SipUri aor = aor(reg);
        Headers.Builder h = Headers.builder()
            // RFC 3581 §3: rport, so a registrar behind or in front of NAT answers where we are
            .add(HeaderNames.VIA, Via.of(viaTransport(reg), hostOf(p.local()), p.local().getPort(), p.branch()).toString())
            .add(HeaderNames.MAX_FORWARDS, "70")
            .add(HeaderNames.FROM, NameAddr.of(aor).withTag(p.fromTag()).toString())
            .add(HeaderNames.TO, NameAddr.of(aor).toString())
            .add(HeaderNames.CALL_ID, p.callId())
            .add(HeaderNames.CSEQ, p.cseq() + " " + SipMethod.REGISTER)
            .add(HeaderNames.USER_AGENT, p.userAgent())
            .add(HeaderNames.CONTACT, NameAddr.of(contact(reg, p.local())).toString())
            .add(HeaderNames.EXPIRES, Long.toString(p.expires()));
        if (p.auth() != null) h.add(p.auth().header(), p.auth().value());
        return new SipRequest(SipMethod.REGISTER, requestUri(reg), h.build(), null);
    }

    /** The Authorization answering {@code c} (RFC 3261 §22.2; qop=auth with cnonce and nc when offered, opaque echoed). */
    static Authorization answer(DigestClient.Choice c, SipRegistration reg, SipUri requestUri, String cnonce, int nc) {
        DigestCredentials cred = DigestClient.answer(c, reg.digestUser(), reg.secret(), SipMethod.REGISTER,
            requestUri.toString(), cnonce, nc);
        return new Authorization(c.answerHeader(), cred.toHeaderValue());
    }

    /**
     * The expiry granted in a 2xx (§10.2.4): the expires parameter of the Contact that is ours,
     * else the Expires header; {@link Granted.Source#NONE} when neither can be read.
     */
    static Granted granted(SipResponse r, SipUri ourContact) {
        List<NameAddr> contacts;
        try {
            contacts = r.contacts();
        } catch (IllegalArgumentException e) {
            contacts = List.of();
        }
        for (NameAddr c : contacts) {
            if (c.isWildcard() || !sameContact(c.uri(), ourContact)) continue;
            long e = seconds(c.param("expires"));
            if (e >= 0) return new Granted(e, Granted.Source.CONTACT);
        }
        long e = seconds(r.header(HeaderNames.EXPIRES));
        return e >= 0 ? new Granted(e, Granted.Source.EXPIRES_HEADER) : new Granted(-1, Granted.Source.NONE);
    }

    /** Whether the response lists our Contact at all. */
    static boolean listsContact(SipResponse r, SipUri ourContact) {
        try {
            for (NameAddr c : r.contacts()) if (!c.isWildcard() && sameContact(c.uri(), ourContact)) return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    /** URI comparison enough to find our binding (§19.1.4 in part: user exact, host any case, default port 5060). */
    static boolean sameContact(SipUri a, SipUri b) {
        if (a == null || b == null || !a.isSip()) return false;
        return java.util.Objects.equals(a.user(), b.user()) && a.host().equalsIgnoreCase(b.host())
            && (a.port() < 0 ? 5060 : a.port()) == (b.port() < 0 ? 5060 : b.port());
    }

    /** A delta-seconds value (§25.1), or -1 when absent or not a number; capped at 2^31-1. */
    static long seconds(String v) {
        if (v == null) return -1;
        String t = v.trim();
        if (t.isEmpty() || t.length() > 10 || !t.chars().allMatch(ch -> ch >= '0' && ch <= '9')) return -1;
        return Math.min(Long.parseLong(t), Integer.MAX_VALUE);
    }

    /** Min-Expires of a 423 (§10.2.8, §20.23), or -1. */
    static long minExpires(SipResponse r) { return seconds(r.header("Min-Expires")); }
}
