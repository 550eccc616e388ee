package org.switchboard.channels.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Digest challenge from WWW-Authenticate or Proxy-Authenticate (RFC 3261 §20.44, §22.4;
 * RFC 7616 §3.3; RFC 8760 for SHA-256). {@code algorithm} is null when not sent (meaning MD5);
 * {@code qop} lists the offered qop values, empty when none was sent.
 */
public record DigestChallenge(String realm, String nonce, String opaque, String algorithm, List<String> qop,
                              boolean stale, String domain) {

    public DigestChallenge {
        qop = qop == null ? List.of() : List.copyOf(qop);
    }

    public static DigestChallenge of(String realm, String nonce, String algorithm, boolean stale) {
        return new DigestChallenge(realm, nonce, null, algorithm, List.of("auth"), stale, null);
    }

    public String algorithmOrDefault() { return algorithm == null ? Digest.MD5 : algorithm; }
    public boolean offersAuth() { return qop.contains("auth"); }

    /** Parses a header value; throws IllegalArgumentException when it is not a valid Digest challenge. */
    public static DigestChallenge parse(String value) {
        String[] scheme = new String[1];
        Map<String, String> p = AuthParams.parse(value, scheme);
        if (!scheme[0].equalsIgnoreCase("Digest")) throw new IllegalArgumentException("not a Digest challenge");
        String realm = p.get("realm");
        String nonce = p.get("nonce");
        if (realm == null || nonce == null) throw new IllegalArgumentException("Digest challenge without realm or nonce");
        List<String> qop = new ArrayList<>(2);
        String q = p.get("qop");
        if (q != null) {
            for (String part : q.split(",")) if (!part.isBlank()) qop.add(part.trim());
        }
        return new DigestChallenge(realm, nonce, p.get("opaque"), p.get("algorithm"), qop,
            "true".equalsIgnoreCase(p.get("stale")), p.get("domain"));
    }

    /** The header value: {@code Digest realm="..", nonce="..", ...}. */
    public String toHeaderValue() {
        StringBuilder sb = new StringBuilder(160).append("Digest ");
        AuthParams.quoted(sb, "realm", realm);
        AuthParams.quoted(sb, "domain", domain);
        AuthParams.quoted(sb, "nonce", nonce);
        AuthParams.quoted(sb, "opaque", opaque);
        if (stale) AuthParams.token(sb, "stale", "TRUE");
        AuthParams.token(sb, "algorithm", algorithm);
        if (!qop.isEmpty()) AuthParams.quoted(sb, "qop", String.join(",", qop));
        return sb.toString();
    }

    @Override public String toString() { return toHeaderValue(); }
}
