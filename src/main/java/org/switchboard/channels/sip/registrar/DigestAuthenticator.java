package org.switchboard.channels.sip.registrar;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.switchboard.channels.sip.message.Digest;
import org.switchboard.channels.sip.message.DigestChallenge;
import org.switchboard.channels.sip.message.DigestCredentials;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.SipMethod;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipResponses;

/**
 * Digest authentication as a UAS (RFC 3261 §22.4, RFC 7616, RFC 8760), shared by the registrar and
 * the INVITE path. Nonces carry their issue time and a MAC under a per-process key made with
 * {@link SecureRandom}, so any nonce we issued can be checked without keeping it; a nonce older than
 * the lifetime, or from before a restart, with an otherwise correct response is answered with a
 * fresh challenge and {@code stale=true} (RFC 7616 §3.3). With qop=auth the nonce count must rise
 * for each use of a nonce (§3.4: replay protection). Time comes from the injected clock.
 */
public final class DigestAuthenticator {

    /** What {@link #verify} concluded. */
    public enum Verdict {
        /** The response is right and the nonce is ours and fresh. */
        OK,
        /** The response is right for the nonce, but the nonce expired or is not ours: challenge with stale=true. */
        STALE,
        /** Wrong password, wrong user name, a replayed nonce count, or credentials we cannot check. */
        WRONG
    }

    /** RFC 8760 §2.4: the preferred algorithm first. */
    public static final List<String> DEFAULT_ALGORITHMS = List.of(Digest.SHA_256, Digest.MD5);

    /**
     * What the PBX challenges with unless sip.conf's {@code digestalgorithms} says otherwise: MD5
     * only, as chan_sip. Phones on libre (baresip 1.0) give up on a whole 401/407 when any of its
     * challenges names another algorithm, and SIPp answers only the first it sees.
     */
    public static final List<String> CHAN_SIP_ALGORITHMS = List.of(Digest.MD5);

    private static final int RANDOM_BYTES = 12;
    private static final int MAC_BYTES = 16;

    private final String realm;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random;
    private final List<String> algorithms;
    private final SecretKeySpec key;
    private final Map<String, Long> lastNonceCount = new ConcurrentHashMap<>();

    public DigestAuthenticator(String realm, Clock clock, Duration nonceLifetime, SecureRandom random,
                               List<String> algorithms) {
        this.realm = realm;
        this.clock = clock;
        this.lifetime = nonceLifetime;
        this.random = random;
        this.algorithms = List.copyOf(algorithms);
        byte[] k = new byte[32];
        random.nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
    }

    /** Realm from settings, nonces valid 30 s, MD5 offered ({@link #CHAN_SIP_ALGORITHMS}). */
    public DigestAuthenticator(String realm, Clock clock) { this(realm, clock, CHAN_SIP_ALGORITHMS); }

    /** Realm from settings, nonces valid 30 s, {@code algorithms} offered in that order. */
    public DigestAuthenticator(String realm, Clock clock, List<String> algorithms) {
        this(realm, clock, Duration.ofSeconds(30), new SecureRandom(), algorithms);
    }

    public String realm() { return realm; }

    /** A new nonce: base64url of issue time (ms), random bytes and their MAC. */
    public String newNonce() {
        ByteBuffer b = ByteBuffer.allocate(8 + RANDOM_BYTES + MAC_BYTES);
        b.putLong(clock.millis());
        byte[] r = new byte[RANDOM_BYTES];
        random.nextBytes(r);
        b.put(r);
        b.put(mac(b.array(), 8 + RANDOM_BYTES));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /**
     * The challenge for {@code request}: 401 with WWW-Authenticate for REGISTER (and any request a
     * registrar answers), 407 with Proxy-Authenticate for INVITE and other requests (RFC 3261
     * §22.3, as chan_sip does); one header per algorithm, all with the same fresh nonce.
     */
    public SipResponse challenge(SipRequest request, String toTag, boolean stale) {
        return challenge(request, toTag, stale, !request.method().equals(SipMethod.REGISTER));
    }

    /** The same, with 407/Proxy-Authenticate when {@code proxy}, else 401/WWW-Authenticate (res_pjsip's for every request). */
    public SipResponse challenge(SipRequest request, String toTag, boolean stale, boolean proxy) {
        boolean www = !proxy;
        SipResponse r = SipResponses.create(request, www ? 401 : 407, toTag);
        String nonce = newNonce();
        var h = r.headers().toBuilder();
        for (String alg : algorithms) {
            DigestChallenge c = new DigestChallenge(realm, nonce, null, alg, List.of("auth"), stale, null);
            h.add(www ? HeaderNames.WWW_AUTHENTICATE : HeaderNames.PROXY_AUTHENTICATE, c.toHeaderValue());
        }
        return r.withHeaders(h.build());
    }

    /**
     * The Digest credentials for our realm in {@code request} (Authorization for REGISTER,
     * Proxy-Authorization otherwise, either accepted), or null when there are none or they do not parse.
     */
    public DigestCredentials credentials(SipRequest request) {
        boolean www = request.method().equals(SipMethod.REGISTER);
        DigestCredentials c = find(request, www ? HeaderNames.AUTHORIZATION : HeaderNames.PROXY_AUTHORIZATION);
        return c != null ? c : find(request, www ? HeaderNames.PROXY_AUTHORIZATION : HeaderNames.AUTHORIZATION);
    }

    private DigestCredentials find(SipRequest request, String header) {
        for (String v : request.headers().getAll(header)) {
            try {
                DigestCredentials c = DigestCredentials.parse(v);
                if (realm.equals(c.realm())) return c;
            } catch (IllegalArgumentException e) {
                // not Digest, or malformed: as if absent (RFC 3261 §22.4 lets us challenge again)
            }
        }
        return null;
    }

    /** What a request proves about an account (see {@link #prove}). */
    public enum Proof {
        /** No credentials for our realm: challenge. */
        MISSING,
        /** Right for a nonce that expired or is not ours: challenge with stale=true (RFC 7616 §3.3). */
        STALE,
        /** Wrong password or user name, a replayed nonce count, or credentials we cannot check. */
        WRONG,
        PROVEN
    }

    /**
     * The UAS check every request we challenge shares (INVITE, MESSAGE; RFC 3261 §22.4): finds the
     * credentials in {@code request} and verifies them against {@code user}'s secret.
     */
    public Proof prove(SipRequest request, String user, String secret, String md5secret) {
        DigestCredentials c = credentials(request);
        if (c == null) return Proof.MISSING;
        return switch (verify(request, c, user, secret, md5secret)) {
            case OK -> Proof.PROVEN;
            case STALE -> Proof.STALE;
            case WRONG -> Proof.WRONG;
        };
    }

    /**
     * Checks {@code credentials} from {@code request} against the account {@code user} with the
     * plain {@code secret} or, when that is null, {@code md5secret} (H(A1) for MD5 only, as chan_sip
     * stores it). The digest user name must be {@code user} exactly.
     */
    public Verdict verify(SipRequest request, DigestCredentials credentials, String user, String secret,
                          String md5secret) {
        String alg = credentials.algorithmOrDefault();
        if (!credentials.username().equals(user) || !offered(alg)) return Verdict.WRONG;
        if (credentials.qop() != null && !credentials.qop().equalsIgnoreCase("auth")) return Verdict.WRONG;
        boolean right;
        if (secret != null) {
            right = credentials.verify(request.method(), secret);
        } else if (md5secret != null && alg.equalsIgnoreCase(Digest.MD5)) {
            right = credentials.verifyHa1(request.method(), md5secret);
        } else {
            right = false; // md5secret is H(A1) for MD5: a SHA-256 answer cannot be checked against it
        }
        if (!right) return Verdict.WRONG;
        long issued = issuedAt(credentials.nonce());
        long now = clock.millis();
        if (issued < 0 || now - issued > lifetime.toMillis() || issued > now + 1000) {
            return Verdict.STALE;
        }
        return freshCount(credentials, issued) ? Verdict.OK : Verdict.WRONG;
    }

    private boolean offered(String alg) {
        for (String a : algorithms) if (a.equalsIgnoreCase(alg)) return true;
        return false;
    }

    /** RFC 7616 §3.4: with qop the nonce count must increase for each request using a nonce. */
    private boolean freshCount(DigestCredentials c, long issued) {
        if (c.qop() == null) return true;
        long nc;
        try {
            nc = Long.parseLong(c.nc(), 16);
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.millis();
        if (lastNonceCount.size() > 10_000) {
            lastNonceCount.keySet().removeIf(n -> now - issuedAt(n) > lifetime.toMillis());
        }
        Long[] accepted = new Long[1];
        lastNonceCount.compute(c.nonce(), (n, last) -> {
            if (last != null && nc <= last) return last;
            accepted[0] = nc;
            return nc;
        });
        return accepted[0] != null;
    }

    /** The issue time of one of our nonces, or -1 when it is not ours (bad MAC, bad form). */
    long issuedAt(String nonce) {
        byte[] b;
        try {
            b = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        if (b.length != 8 + RANDOM_BYTES + MAC_BYTES) return -1;
        byte[] expected = mac(b, 8 + RANDOM_BYTES);
        byte[] given = java.util.Arrays.copyOfRange(b, 8 + RANDOM_BYTES, b.length);
        if (!MessageDigest.isEqual(expected, given)) return -1;
        return ByteBuffer.wrap(b).getLong();
    }

    private byte[] mac(byte[] data, int len) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            m.update(data, 0, len);
            m.update(realm.getBytes(StandardCharsets.UTF_8));
            return java.util.Arrays.copyOf(m.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }
}
