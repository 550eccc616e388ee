package org.switchboard.net.dtls;

import java.util.Arrays;

/**
 * The SRTP master keys and salts both ends derived from one DTLS handshake, RFC 5764 §4.2:
 * the exporter ("EXTRACTOR-dtls_srtp") yields client key | server key | client salt | server salt.
 * The client (the DTLS "active" side) protects what it sends with the client's pair, the server
 * with the server's; each unprotects with the other's.
 *
 * @param profile the negotiated {@code use_srtp} profile (RFC 5764 §4.1.2), e.g.
 *                {@link #AES128_CM_HMAC_SHA1_80}
 */
public record SrtpKeys(int profile, byte[] clientKey, byte[] clientSalt, byte[] serverKey, byte[] serverSalt) {
    /** RFC 5764 §4.1.2: SRTP_AES128_CM_HMAC_SHA1_80 = {0x00, 0x01}. */
    public static final int AES128_CM_HMAC_SHA1_80 = 0x0001;
    /** AES-128 master key and 112-bit master salt (RFC 3711 §8.2). */
    static final int KEY_LENGTH = 16, SALT_LENGTH = 14;

    /** How many bytes to export for {@code profile}: both keys and both salts. */
    static int exportLength(int profile) {
        if (profile != AES128_CM_HMAC_SHA1_80) throw new IllegalArgumentException("SRTP profile " + profile);
        return 2 * (KEY_LENGTH + SALT_LENGTH);
    }

    /** Splits the exported material in RFC 5764 §4.2's order. */
    static SrtpKeys split(int profile, byte[] m) {
        int k = KEY_LENGTH, s = SALT_LENGTH;
        return new SrtpKeys(profile, Arrays.copyOfRange(m, 0, k), Arrays.copyOfRange(m, 2 * k, 2 * k + s),
            Arrays.copyOfRange(m, k, 2 * k), Arrays.copyOfRange(m, 2 * k + s, 2 * k + 2 * s));
    }

    @Override
    public String toString() { return "SrtpKeys[profile " + profile + "]"; } // never the keys in a log line
}
