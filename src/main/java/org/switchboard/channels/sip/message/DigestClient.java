package org.switchboard.channels.sip.message;

import java.util.List;
import java.util.Locale;

/**
 * Digest authentication as a UAC (RFC 3261 §22.2, RFC 7616, RFC 8760), one for every request we
 * send: REGISTER, INVITE, MESSAGE. Of the challenges in a 401 (WWW-Authenticate) or a 407
 * (Proxy-Authenticate) it takes the strongest algorithm it supports — SHA-512-256 over SHA-256
 * over MD5, the local preference RFC 8760 §2.4 allows — the first listed among equals; a
 * challenge it cannot answer (an unknown algorithm, auth-int only, Basic, malformed) is skipped.
 */
public final class DigestClient {
    private DigestClient() {}

    /** A challenge we can answer and the header our answer goes in. */
    public record Choice(DigestChallenge digest, String answerHeader) {}

    /** Algorithm families, strongest first. */
    private static final List<String> STRENGTH = List.of(Digest.SHA_512_256, Digest.SHA_256, Digest.MD5);

    /** The challenge to answer in {@code r} (a 401 or 407), or null when there is none we can. */
    public static Choice choose(SipResponse r) {
        boolean proxy = r.status() == 407;
        List<String> values = r.headers().getAll(proxy ? HeaderNames.PROXY_AUTHENTICATE : HeaderNames.WWW_AUTHENTICATE);
        DigestChallenge best = null;
        int bestRank = Integer.MAX_VALUE;
        for (String v : values) {
            DigestChallenge c;
            try {
                c = DigestChallenge.parse(v);
            } catch (IllegalArgumentException e) {
                continue; // Basic, or malformed: look at the next one
            }
            int rank = rank(c);
            if (rank < bestRank) {
                best = c;
                bestRank = rank;
            }
        }
        return best == null ? null : new Choice(best, proxy ? HeaderNames.PROXY_AUTHORIZATION : HeaderNames.AUTHORIZATION);
    }

    /** Lower is stronger; MAX_VALUE for a challenge we cannot answer. */
    private static int rank(DigestChallenge c) {
        if (!Digest.isSupported(c.algorithm())) return Integer.MAX_VALUE;
        if (!c.qop().isEmpty() && !c.offersAuth()) return Integer.MAX_VALUE; // auth-int only: not for us
        String alg = c.algorithmOrDefault().toLowerCase(Locale.ROOT);
        boolean sess = alg.endsWith("-sess");
        if (sess && !c.offersAuth()) return Integer.MAX_VALUE; // -sess needs a cnonce, so qop
        String family = sess ? alg.substring(0, alg.length() - "-sess".length()) : alg;
        for (int i = 0; i < STRENGTH.size(); i++) if (STRENGTH.get(i).equalsIgnoreCase(family)) return i;
        return STRENGTH.size();
    }

    /** The credentials answering {@code c} for {@code method} to {@code uri} (qop=auth with cnonce and nc when offered, opaque echoed). */
    public static DigestCredentials answer(Choice c, String user, String password, String method, String uri,
                                           String cnonce, int nc) {
        return DigestCredentials.answer(c.digest(), user, password, method, uri, cnonce, nc);
    }
}
