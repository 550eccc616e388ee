package org.switchboard.channels.sip.message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The Digest response computation as a pure function (RFC 2617 §3.2.2, RFC 7616 §3.4.1-3.4.3,
 * RFC 8760 §2 for SHA-256 in SIP). Algorithms: MD5, SHA-256, SHA-512-256 and their -sess forms;
 * qop none or auth (auth-int gives null: no SIP peer we meet uses it).
 */
public final class Digest {
    public static final String MD5 = "MD5";
    public static final String MD5_SESS = "MD5-sess";
    public static final String SHA_256 = "SHA-256";
    public static final String SHA_256_SESS = "SHA-256-sess";
    public static final String SHA_512_256 = "SHA-512-256";
    public static final String SHA_512_256_SESS = "SHA-512-256-sess";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Digest() {}

    public static boolean isSupported(String algorithm) { return javaName(algorithm) != null; }

    /** H(A1) = H(username:realm:password) (RFC 7616 §3.4.2); the -sess variants are finished in {@link #responseFromHa1}. */
    public static String ha1(String algorithm, String username, String realm, String password) {
        return hash(algorithm, username + ":" + realm + ":" + password);
    }

    /** The request-digest, lower-case hex, or null for an unsupported algorithm or qop. */
    public static String response(String algorithm, String username, String realm, String password, String method,
                                  String uri, String nonce, String nc, String cnonce, String qop) {
        String ha1 = ha1(algorithm, username, realm, password);
        return ha1 == null ? null : responseFromHa1(algorithm, ha1, method, uri, nonce, nc, cnonce, qop);
    }

    public static String responseFromHa1(String algorithm, String ha1, String method, String uri, String nonce,
                                         String nc, String cnonce, String qop) {
        if (javaName(algorithm) == null) return null;
        if (algorithm != null && algorithm.regionMatches(true, algorithm.length() - 5, "-sess", 0, 5)) {
            if (cnonce == null) return null;
            ha1 = hash(algorithm, ha1 + ":" + nonce + ":" + cnonce); // RFC 7616 §3.4.2
        }
        String ha2 = hash(algorithm, method + ":" + uri); // qop=auth or none: A2 = Method:uri (§3.4.3)
        if (qop == null || qop.isEmpty()) return hash(algorithm, ha1 + ":" + nonce + ":" + ha2); // RFC 2069 compatibility
        if (!qop.equalsIgnoreCase("auth") || nc == null || cnonce == null) return null;
        return hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    private static String javaName(String algorithm) {
        if (algorithm == null) return "MD5";
        if (algorithm.equalsIgnoreCase(MD5) || algorithm.equalsIgnoreCase(MD5_SESS)) return "MD5";
        if (algorithm.equalsIgnoreCase(SHA_256) || algorithm.equalsIgnoreCase(SHA_256_SESS)) return "SHA-256";
        if (algorithm.equalsIgnoreCase(SHA_512_256) || algorithm.equalsIgnoreCase(SHA_512_256_SESS)) return "SHA-512/256";
        return null;
    }

    static String hash(String algorithm, String text) {
        String name = javaName(algorithm);
        if (name == null) return null;
        try {
            byte[] d = MessageDigest.getInstance(name).digest(text.getBytes(StandardCharsets.UTF_8));
            char[] out = new char[d.length * 2];
            for (int i = 0; i < d.length; i++) {
                out[2 * i] = HEX[(d[i] >> 4) & 15];
                out[2 * i + 1] = HEX[d[i] & 15];
            }
            return new String(out);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + name, e);
        }
    }
}
