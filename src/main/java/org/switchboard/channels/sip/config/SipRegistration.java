package org.switchboard.channels.sip.config;

import java.util.Locale;

/**
 * One {@code register =>} line of [general]: chan_sip's
 * {@code [peer?][transport://]user[@domain][:secret[:authuser]]@host[:port][/contact][~expiry]}.
 *
 * @param peer      the peer whose settings the registration uses ({@code peer?}), or null
 * @param transport "udp", "tcp" or "tls"
 * @param domain    the domain of the AOR ({@code user@domain}), or null for {@code host}
 * @param authUser  the digest user name, or null for {@code user}
 * @param port      -1 when not given
 * @param contact   the extension in our Contact, {@code s} by default
 * @param expiry    seconds asked for, -1 for [general] defaultexpiry
 * @param requestUri the Request-URI to send, or null for {@code sip:domain} / {@code sip:host[:port]}
 *                  (pjsip.conf's {@code server_uri} names it exactly)
 */
public record SipRegistration(String peer, String transport, String user, String domain, String secret,
                              String authUser, String host, int port, String contact, int expiry,
                              String file, int line, String requestUri) {

    /** A {@code register =>} line: the Request-URI follows from domain and host. */
    public SipRegistration(String peer, String transport, String user, String domain, String secret,
                           String authUser, String host, int port, String contact, int expiry, String file, int line) {
        this(peer, transport, user, domain, secret, authUser, host, port, contact, expiry, file, line, null);
    }

    /** Parses a register value; throws IllegalArgumentException with a reason. */
    public static SipRegistration parse(String value, String file, int line) {
        String s = value.trim();
        String peer = null;
        int q = s.indexOf('?');
        int firstAt = s.indexOf('@');
        if (q >= 0 && (firstAt < 0 || q < firstAt)) {
            peer = s.substring(0, q).trim();
            s = s.substring(q + 1).trim();
            if (peer.isEmpty()) throw new IllegalArgumentException("empty peer name before '?'");
        }
        int expiry = -1;
        int tilde = s.lastIndexOf('~');
        if (tilde >= 0) {
            String e = s.substring(tilde + 1).trim();
            if (!e.matches("\\d{1,9}") || Integer.parseInt(e) == 0) {
                throw new IllegalArgumentException("bad expiry '~" + e + "' (seconds, above 0)");
            }
            expiry = Integer.parseInt(e);
            s = s.substring(0, tilde);
        }
        String transport = "udp";
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            transport = s.substring(0, scheme).trim().toLowerCase(Locale.ROOT);
            if (!transport.equals("udp") && !transport.equals("tcp") && !transport.equals("tls")) {
                throw new IllegalArgumentException("unknown transport '" + transport + "' (udp, tcp or tls)");
            }
            s = s.substring(scheme + 3);
        }
        int at = s.lastIndexOf('@');
        if (at < 0) throw new IllegalArgumentException("no '@host' in register line (user[:secret[:authuser]]@host[:port][/contact])");
        String userPart = s.substring(0, at);
        String hostPart = s.substring(at + 1).trim();
        String contact = "s";
        int slash = hostPart.indexOf('/');
        if (slash >= 0) {
            contact = hostPart.substring(slash + 1).trim();
            hostPart = hostPart.substring(0, slash).trim();
            if (contact.isEmpty()) throw new IllegalArgumentException("empty contact after '/'");
        }
        int port = -1;
        int colon = hostPart.lastIndexOf(':');
        if (colon >= 0 && hostPart.indexOf(']') < colon) {
            String p = hostPart.substring(colon + 1);
            if (!p.matches("\\d{1,5}") || Integer.parseInt(p) < 1 || Integer.parseInt(p) > 65535) {
                throw new IllegalArgumentException("bad port '" + p + "'");
            }
            port = Integer.parseInt(p);
            hostPart = hostPart.substring(0, colon);
        }
        if (hostPart.isEmpty() || hostPart.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("bad host '" + hostPart + "'");
        }
        String[] u = userPart.split(":", 3);
        String user = u[0].trim();
        String domain = null;
        int dat = user.indexOf('@');
        if (dat >= 0) {
            domain = user.substring(dat + 1);
            user = user.substring(0, dat);
            if (domain.isEmpty()) throw new IllegalArgumentException("empty domain after 'user@'");
        }
        if (user.isEmpty()) throw new IllegalArgumentException("no user in register line");
        String secret = u.length > 1 ? u[1] : null;
        String authUser = u.length > 2 && !u[2].isEmpty() ? u[2] : null;
        return new SipRegistration(peer, transport, user, domain, secret, authUser, hostPart, port, contact, expiry,
            file, line);
    }

    /** The digest user name: authuser when given, else user. */
    public String digestUser() { return authUser != null ? authUser : user; }

    /** {@code user@host[:port]}, as {@code sip show registry} lists it. */
    @Override public String toString() {
        return user + "@" + host + (port < 0 ? "" : ":" + port);
    }
}
