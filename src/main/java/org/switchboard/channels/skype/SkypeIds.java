package org.switchboard.channels.skype;

import java.security.SecureRandom;

/** Jingle session ids: unguessable (XEP-0166 §7.1 asks for enough randomness), 24 characters. */
final class SkypeIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ABC = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private SkypeIds() {}

    static String sid() {
        char[] c = new char[24];
        for (int i = 0; i < c.length; i++) c[i] = ABC[RANDOM.nextInt(ABC.length)];
        return new String(c);
    }
}
