package org.switchboard.channels.sip.message;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Generators for Via branches (RFC 3261 §8.1.1.7), From/To tags (§19.3) and Call-IDs (§8.1.1.4).
 * Tags and Call-IDs come from {@link SecureRandom}: whoever can guess them can forge a BYE into the
 * dialog. Branches need only be unique, so they come from the cheap per-thread generator.
 */
public final class SipIds {
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom SECURE = new SecureRandom();

    private SipIds() {}

    /** {@code z9hG4bK} followed by 16 random characters (about 95 bits). */
    public static String branch() {
        StringBuilder sb = new StringBuilder(23).append(Via.MAGIC_COOKIE);
        appendRandom(sb, 16, ThreadLocalRandom.current());
        return sb.toString();
    }

    /** 12 random characters (about 71 bits; §19.3 asks for at least 32). */
    public static String tag() {
        StringBuilder sb = new StringBuilder(12);
        appendRandom(sb, 12, SECURE);
        return sb.toString();
    }

    /** A random Call-ID of 24 characters, with {@code @host} appended when host is not null. */
    public static String callId(String host) {
        StringBuilder sb = new StringBuilder(48);
        appendRandom(sb, 24, SECURE);
        if (host != null) sb.append('@').append(host);
        return sb.toString();
    }

    private static void appendRandom(StringBuilder sb, int n, RandomGenerator r) {
        long bits = 0;
        for (int i = 0; i < n; i++) {
            if (i % 10 == 0) bits = r.nextLong() >>> 2; // 10 characters of 6 bits each per draw
            sb.append(ALPHABET[(int) ((bits & 63) % ALPHABET.length)]);
            bits >>>= 6;
        }
    }

    /** A positive random number for an SDP o= session id (RFC 4566 §5.2); not a secret. */
    public static long sessionId() { return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE); }
}
