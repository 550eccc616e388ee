package org.switchboard.channels.sip.sdp;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * An SDES {@code a=crypto} line (RFC 4568 §9.1): {@code <tag> <crypto-suite> inline:<key||salt>[|lifetime][|MKI:length]
 * [session-params]}, for the two suites we speak (§6.2): AES_CM_128_HMAC_SHA1_80 and _32, a
 * 128-bit master key and a 112-bit salt each. Immutable; the key bytes never reach
 * {@link #toString()} (a log line must not carry them).
 *
 * @param tag   the offerer's number for this line; the answer echoes it (§5.1.2)
 * @param suite which crypto suite
 * @param key   16 bytes
 * @param salt  14 bytes
 */
public record CryptoAttribute(int tag, Suite suite, byte[] key, byte[] salt) {
    public static final String NAME = "crypto";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The suites of RFC 4568 §6.2 we support; {@code rtpTagLength} in bytes. */
    public enum Suite {
        AES_CM_128_HMAC_SHA1_80(10), AES_CM_128_HMAC_SHA1_32(4);

        public final int rtpTagLength;

        Suite(int rtpTagLength) { this.rtpTagLength = rtpTagLength; }
    }

    /** What reading one a=crypto value gave: a usable line, or why it is not. */
    public sealed interface Parsed permits Ok, Unusable {}
    public record Ok(CryptoAttribute crypto) implements Parsed {}
    public record Unusable(String reason) implements Parsed {}

    /** A fresh line of {@code suite} under {@code tag}, with a random key and salt (§6.1: from a strong source). */
    public static CryptoAttribute fresh(int tag, Suite suite) {
        byte[] k = new byte[16], s = new byte[14];
        RANDOM.nextBytes(k);
        RANDOM.nextBytes(s);
        return new CryptoAttribute(tag, suite, k, s);
    }

    /** Reads the value of an {@code a=crypto:} attribute. Never throws. */
    public static Parsed parse(String value) {
        if (value == null) return new Unusable("empty a=crypto");
        String[] f = value.trim().split("\\s+");
        if (f.length < 3) return new Unusable("a=crypto needs a tag, a suite and key parameters");
        if (!f[0].matches("\\d{1,9}")) return new Unusable("bad a=crypto tag '" + clip(f[0]) + "'");
        int tag = Integer.parseInt(f[0]);
        Suite suite;
        try {
            suite = Suite.valueOf(f[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new Unusable("crypto suite '" + clip(f[1]) + "' not supported");
        }
        if (f.length > 3) return new Unusable("session parameters '" + clip(f[3]) + "' not supported"); // §6.3: UNENCRYPTED_SRTP etc.
        String kp = f[2];
        if (kp.contains(";")) return new Unusable("more than one key not supported"); // §9.1: key-params ; key-params
        if (!kp.regionMatches(true, 0, "inline:", 0, 7)) return new Unusable("key method is not inline:");
        String[] parts = kp.substring(7).split("\\|");
        if (parts.length > 1 && parts[parts.length - 1].contains(":")) return new Unusable("MKI not supported");
        byte[] material;
        try {
            material = Base64.getDecoder().decode(parts[0]);
        } catch (IllegalArgumentException e) {
            return new Unusable("key is not base64");
        }
        if (material.length != 30) {
            return new Unusable("key and salt are " + material.length + " bytes, " + suite + " needs 30");
        }
        if (parts.length == 2 && !parts[1].matches("(2\\^)?\\d{1,3}")) return new Unusable("bad key lifetime '" + clip(parts[1]) + "'");
        return new Ok(new CryptoAttribute(tag, suite, Arrays.copyOfRange(material, 0, 16), Arrays.copyOfRange(material, 16, 30)));
    }

    private static String clip(String s) { return s.length() > 40 ? s.substring(0, 40) + "..." : s; }

    /** The attribute value, {@code 1 AES_CM_128_HMAC_SHA1_80 inline:...}. */
    public String value() {
        byte[] m = new byte[30];
        System.arraycopy(key, 0, m, 0, 16);
        System.arraycopy(salt, 0, m, 16, 14);
        return tag + " " + suite.name() + " inline:" + Base64.getEncoder().encodeToString(m);
    }

    public Attribute attribute() { return new Attribute(NAME, value()); }

    @Override public String toString() { return "crypto[" + tag + " " + suite + "]"; }

    @Override public boolean equals(Object o) {
        return o instanceof CryptoAttribute c && c.tag == tag && c.suite == suite && Arrays.equals(c.key, key) && Arrays.equals(c.salt, salt);
    }

    @Override public int hashCode() { return tag * 31 + suite.hashCode(); }
}
