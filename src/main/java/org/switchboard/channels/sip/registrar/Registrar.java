package org.switchboard.channels.sip.registrar;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.channels.sip.message.DigestCredentials;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.NameAddr;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipResponses;
import org.switchboard.channels.sip.message.Via;
import org.switchboard.channels.sip.registrar.AuthFailureTracker.Failure;
import org.switchboard.channels.sip.transport.PeerLog;
import org.switchboard.core.PbxLog;

/**
 * The REGISTER side of chan_sip (RFC 3261 §10.3): finds the peer named in To, checks its
 * permit/deny list and its digest credentials, then adds, refreshes or removes its contacts.
 * Pure logic: the driver hands in a parsed request and its source, and sends the response.
 *
 * <p>Answers: 401 challenge (SHA-256 and MD5) without credentials or with a stale nonce; 200 with
 * every current Contact and its expires; 423 with Min-Expires below minexpiry; 400 for a bad
 * Contact or wildcard. With {@code alwaysauthreject=yes} an unknown name, a wrong password, a
 * peer that is not {@code host=dynamic} and an address the peer's ACL denies all get the same
 * fresh 401 as a first attempt; with {@code no}, chan_sip's 404 / 403 / 403 / 403. A source
 * address the {@link AuthFailureTracker} has blocked gets no answer at all.
 */
public final class Registrar {
    // RFC 3261 §25.1 SIP-date: a two-digit day ("07 Dec"), which Java's RFC_1123_DATE_TIME does not write
    private static final DateTimeFormatter RFC1123 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
        java.util.Locale.ROOT).withZone(ZoneOffset.UTC);

    private volatile SipSettings settings;
    private volatile DigestAuthenticator auth;
    private final AuthFailureTracker failures;
    private final Bindings bindings;
    private final Clock clock;
    private final int maxContacts;
    private volatile PeerRules rules = PeerRules.CHAN_SIP;

    /**
     * @param maxContacts contacts kept per peer; a new one beyond this replaces the oldest
     *                    (1 is chan_sip's behaviour: the last REGISTER wins)
     */
    public Registrar(SipSettings settings, DigestAuthenticator auth, AuthFailureTracker failures, Clock clock,
                     int maxContacts) {
        this.settings = settings;
        this.auth = auth;
        this.failures = failures;
        this.clock = clock;
        this.bindings = new Bindings(clock);
        this.maxContacts = Math.max(1, maxContacts);
    }

    /** chan_sip's defaults: realm from settings, 30 s nonces, 5 failures a minute block for 5 minutes, one contact per peer. */
    public Registrar(SipSettings settings, Clock clock) {
        this(settings, new DigestAuthenticator(settings.realm(), clock, settings.digestAlgorithms()), new AuthFailureTracker(clock), clock, 1);
    }

    /** {@code sip reload}: new settings from now on; bindings are kept (a new realm gets a new authenticator). */
    public void reload(SipSettings newSettings) {
        if (!newSettings.realm().equals(settings.realm()) || !newSettings.digestAlgorithms().equals(settings.digestAlgorithms())) {
            auth = new DigestAuthenticator(newSettings.realm(), clock, newSettings.digestAlgorithms());
        }
        settings = newSettings;
    }

    public Bindings bindings() { return bindings; }
    public PeerRules rules() { return rules; }
    /** The dialect's per-peer rules (pjsip.conf's aor limits, auth usernames, identify). */
    public void rules(PeerRules r) { rules = r == null ? PeerRules.CHAN_SIP : r; }
    public DigestAuthenticator authenticator() { return auth; }
    public AuthFailureTracker failures() { return failures; }

    /** The contact to call {@code peer} at, or null when it is not registered. */
    public Binding contact(String peer) { return bindings.contact(peer); }
    public List<Binding> contacts(String peer) { return bindings.contacts(peer); }
    public boolean isRegistered(String peer) { return bindings.contact(peer) != null; }

    /** Removes expired bindings (call every few seconds); returns what expired. */
    public List<BindingEvent> sweep() {
        failures.sweep();
        return bindings.sweep();
    }

    /** Handles one REGISTER that arrived from {@code source} over {@code transport} ("UDP", "TCP"). */
    public RegisterOutcome register(SipRequest request, InetSocketAddress source, String transport) {
        SipSettings s = settings;
        DigestAuthenticator a = auth;
        if (failures.isBlocked(source.getAddress())) return RegisterOutcome.drop();
        String tag = SipIds.tag();
        if (request.to() != null && request.to().uri() != null && !request.to().uri().isSip()) { // RFC 4475 §3.3.4
            return RegisterOutcome.reply(reply(request, 400, "Bad Request (To is no SIP URI)", tag, s));
        }
        String name = toUser(request);
        if (name == null) return RegisterOutcome.reply(reply(request, 400, "Bad Request (no user in To)", tag, s));
        Attempt at = new Attempt(request, source, transport, s, a, name, a.credentials(request), tag);
        SipPeer peer = s.peer(name);
        if (peer == null || !peer.type().isPeer()) return refuse(at, Failure.INVALID_ACCOUNT, 404, "Not found", true);
        if (!peer.isDynamic()) {
            return refuse(at, Failure.INVALID_ACCOUNT, 403, "Forbidden (peer is not dynamic)", true);
        }
        // an ACL refusal counts as a failure even without credentials: the address is not welcome
        if (!peer.allows(source.getAddress())) return refuse(at, Failure.FAILED_ACL, 403, "Forbidden", false);
        if (peer.hasSecret()) {
            if (at.cred() == null) return challenge(at, false);
            DigestAuthenticator.Verdict v = ShippedSecrets.gate(
                a.verify(request, at.cred(), rules.authUser(peer), peer.secret(), peer.md5secret()), peer, source, "REGISTER");
            if (v == DigestAuthenticator.Verdict.STALE) return challenge(at, true);
            if (v == DigestAuthenticator.Verdict.WRONG) return refuse(at, Failure.INVALID_PASSWORD, 403, "Forbidden", true);
            failures.recordSuccess(source.getAddress());
        }
        PeerRules r = rules;
        int max = r.maxContacts(peer);
        if (max == 0) { // res_pjsip: an AOR without max_contacts takes no registrations
            PeerLog.log(PbxLog.Level.WARNING, "res_pjsip_registrar.c", source, "AOR '" + peer.name() + "' has no configured max_contacts");
            return RegisterOutcome.reply(reply(request, 403, "Forbidden", tag, s));
        }
        return ContactUpdate.apply(request, peer, source, transport, s, bindings, clock, max < 0 ? maxContacts : max,
            r.removeExisting(peer), r.expiry(peer, s), tag);
    }

    /** One REGISTER being decided: what {@link #refuse} needs to log, count and answer. */
    private record Attempt(SipRequest request, InetSocketAddress source, String transport, SipSettings s,
                           DigestAuthenticator a, String name, DigestCredentials cred, String tag) {}

    private static RegisterOutcome challenge(Attempt at, boolean stale) {
        return RegisterOutcome.reply(serverHeader(at.a().challenge(at.request(), at.tag(), stale), at.s()));
    }

    /** The To URI's user without user parameters (RFC 3261 §19.1.1), or null. */
    private static String toUser(SipRequest request) {
        try {
            NameAddr to = request.to();
            String name = to == null || to.uri() == null ? null : to.uri().user();
            if (name == null) return null;
            int semi = name.indexOf(';');
            if (semi >= 0) name = name.substring(0, semi);
            return name.isEmpty() ? null : name;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Not found, not dynamic, denied or wrong: logs like chan_sip and counts a failure when
     * credentials were tried (or always, when {@code onlyWithCredentials} is false), then answers
     * with a fresh challenge (alwaysauthreject) or {@code status}.
     */
    private RegisterOutcome refuse(Attempt at, Failure kind, int status, String reason,
                                   boolean onlyWithCredentials) {
        if (at.cred() != null || !onlyWithCredentials) {
            PeerLog.authFailure(at.source(), "Registration from '" + at.request().header(HeaderNames.FROM) + "' failed for '"
                + at.source().getAddress().getHostAddress() + ":" + at.source().getPort() + "' - " + describe(kind));
            if (failures.recordFailure(at.source(), at.transport(), at.name(), kind)) return RegisterOutcome.drop();
        }
        if (at.s().alwaysAuthReject()) return challenge(at, false);
        return RegisterOutcome.reply(reply(at.request(), status, reason, at.tag(), at.s()));
    }

    private static String describe(Failure kind) {
        return switch (kind) {
            case INVALID_ACCOUNT -> "No matching peer found";
            case INVALID_PASSWORD -> "Wrong password";
            case FAILED_ACL -> "Device does not match ACL";
        };
    }

    static SipResponse reply(SipRequest request, int status, String reason, String tag, SipSettings s) {
        return serverHeader(SipResponses.create(request, status, reason, tag), s);
    }

    static SipResponse serverHeader(SipResponse r, SipSettings s) {
        return r.withHeaders(r.headers().toBuilder().add("Server", s.userAgent()).build());
    }

    static String date(Instant now) { return RFC1123.format(now); }

    /** Whether the top Via's sent-by differs from where the packet came from (the peer is behind NAT). */
    public static boolean viaDiffers(SipRequest request, InetSocketAddress source) {
        try {
            Via v = request.topVia();
            if (v == null) return true;
            int port = v.port() < 0 ? 5060 : v.port();
            return !v.host().equals(source.getAddress().getHostAddress()) || port != source.getPort();
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
