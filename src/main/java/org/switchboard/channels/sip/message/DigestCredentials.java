package org.switchboard.channels.sip.message;

import java.util.Map;

/**
 * Digest credentials from Authorization or Proxy-Authorization (RFC 3261 §20.7, §22.4;
 * RFC 7616 §3.4). {@code qop}, {@code nc} and {@code cnonce} are null when no qop was used.
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                                String algorithm, String cnonce, String opaque, String qop, String nc) {

    public String algorithmOrDefault() { return algorithm == null ? Digest.MD5 : algorithm; }

    /** Parses a header value; throws IllegalArgumentException when it is not valid Digest credentials. */
    public static DigestCredentials parse(String value) {
        String[] scheme = new String[1];
        Map<String, String> p = AuthParams.parse(value, scheme);
        if (!scheme[0].equalsIgnoreCase("Digest")) throw new IllegalArgumentException("not Digest credentials");
        for (String k : new String[] {"username", "realm", "nonce", "uri", "response"}) {
            if (p.get(k) == null) throw new IllegalArgumentException("Digest credentials without " + k);
        }
        String qop = p.get("qop");
        if (qop != null && (p.get("cnonce") == null || p.get("nc") == null)) {
            throw new IllegalArgumentException("qop without cnonce or nc"); // RFC 7616 §3.4
        }
        return new DigestCredentials(p.get("username"), p.get("realm"), p.get("nonce"), p.get("uri"),
            p.get("response"), p.get("algorithm"), p.get("cnonce"), p.get("opaque"), qop, p.get("nc"));
    }

    /**
     * Credentials answering {@code challenge} for a request (RFC 3261 §22.2): qop=auth when the
     * challenge offers it, with {@code cnonce} and the nonce count {@code nc}.
     */
    public static DigestCredentials answer(DigestChallenge challenge, String username, String password, String method,
                                           String uri, String cnonce, int nc) {
        String qop = challenge.offersAuth() ? "auth" : null;
        String ncs = qop == null ? null : String.format("%08x", nc);
        String cn = qop == null ? null : cnonce;
        String response = Digest.response(challenge.algorithmOrDefault(), username, challenge.realm(), password,
            method, uri, challenge.nonce(), ncs, cn, qop);
        return new DigestCredentials(username, challenge.realm(), challenge.nonce(), uri, response,
            challenge.algorithm(), cn, challenge.opaque(), qop, ncs);
    }

    /** Whether {@code response} is right for {@code password}, computed the way the client must have. */
    public boolean verify(String method, String password) {
        String expected = Digest.response(algorithmOrDefault(), username, realm, password, method, uri, nonce, nc, cnonce, qop);
        return expected != null && java.security.MessageDigest.isEqual(
            expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            response.toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Like {@link #verify} with a stored H(A1) instead of the password (RFC 7616 §3.4.2). */
    public boolean verifyHa1(String method, String ha1) {
        String expected = Digest.responseFromHa1(algorithmOrDefault(), ha1, method, uri, nonce, nc, cnonce, qop);
        return expected != null && java.security.MessageDigest.isEqual(
            expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            response.toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    public String toHeaderValue() {
        StringBuilder sb = new StringBuilder(256).append("Digest ");
        AuthParams.quoted(sb, "username", username);
        AuthParams.quoted(sb, "realm", realm);
        AuthParams.quoted(sb, "nonce", nonce);
        AuthParams.quoted(sb, "uri", uri);
        AuthParams.quoted(sb, "response", response);
        AuthParams.token(sb, "algorithm", algorithm);
        AuthParams.quoted(sb, "cnonce", cnonce);
        AuthParams.quoted(sb, "opaque", opaque);
        AuthParams.token(sb, "qop", qop);
        AuthParams.token(sb, "nc", nc);
        return sb.toString();
    }

    @Override public String toString() { return toHeaderValue(); }
}
