package org.switchboard.channels.sip.registrar;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.core.PbxLog;

/**
 * Counts failed authentications per source address. After {@code maxFailures} within
 * {@code window}, the address is blocked for {@code blockFor}: its requests are <b>dropped
 * silently</b> (no response: a scanner learns nothing and gets no cheap reply to flood with).
 * Each failure is logged as an Asterisk security event ({@code SecurityEvent="InvalidPassword"} etc.,
 * the lines fail2ban's asterisk filter reads) until the block, then one line says the address is
 * blocked; nothing is logged for the packets dropped while it is.
 */
public final class AuthFailureTracker {

    /** Asterisk's security event names for the failures we count. */
    public enum Failure {
        INVALID_ACCOUNT("InvalidAccountID"), INVALID_PASSWORD("InvalidPassword"), FAILED_ACL("FailedACL");

        final String eventName;

        Failure(String eventName) { this.eventName = eventName; }
    }

    private static final DateTimeFormatter TV =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxx").withZone(ZoneOffset.UTC);
    private static final int MAX_TRACKED = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Duration blockFor;
    private final Clock clock;
    private final Map<InetAddress, State> states = new ConcurrentHashMap<>();

    private static final class State {
        final ArrayDeque<Instant> failures = new ArrayDeque<>();
        Instant blockedUntil;
    }

    public AuthFailureTracker(int maxFailures, Duration window, Duration blockFor, Clock clock) {
        if (maxFailures < 1) throw new IllegalArgumentException("maxFailures must be at least 1");
        this.maxFailures = maxFailures;
        this.window = window;
        this.blockFor = blockFor;
        this.clock = clock;
    }

    /** 5 failures within a minute block the address for 5 minutes. */
    public AuthFailureTracker(Clock clock) {
        this(5, Duration.ofMinutes(1), Duration.ofMinutes(5), clock);
    }

    /** Whether requests from {@code address} are to be dropped now. */
    public boolean isBlocked(InetAddress address) {
        State s = states.get(address);
        if (s == null) return false;
        Instant now = clock.instant();
        boolean[] blocked = new boolean[1];
        states.computeIfPresent(address, (a, st) -> {
            if (st.blockedUntil != null && now.isBefore(st.blockedUntil)) {
                blocked[0] = true;
                return st;
            }
            st.blockedUntil = null;
            prune(st, now);
            return st.failures.isEmpty() ? null : st;
        });
        return blocked[0];
    }

    /**
     * Records one failed authentication from {@code source} for {@code account} and logs it;
     * returns true when this failure blocked the address.
     */
    public boolean recordFailure(InetSocketAddress source, String transport, String account, Failure failure) {
        Instant now = clock.instant();
        if (states.size() >= MAX_TRACKED) sweep();
        boolean[] blockedNow = new boolean[1];
        boolean[] alreadyBlocked = new boolean[1];
        states.compute(source.getAddress(), (a, st) -> {
            if (st == null) st = new State();
            if (st.blockedUntil != null && now.isBefore(st.blockedUntil)) {
                alreadyBlocked[0] = true;
                return st;
            }
            st.blockedUntil = null;
            prune(st, now);
            st.failures.addLast(now);
            if (st.failures.size() >= maxFailures) {
                st.blockedUntil = now.plus(blockFor);
                st.failures.clear();
                blockedNow[0] = true;
            }
            return st;
        });
        if (alreadyBlocked[0]) return false;
        String remote = remote(source, transport);
        // through the limiter like every line a peer causes, keyed by what the line names; the
        // block (its own key) bounds these anyway: maxFailures lines, then silence while blocked
        PbxLog.limited(PbxLog.Level.SECURITY, "chan_sip.c", remote, "SecurityEvent=\"" + failure.eventName + "\",EventTV=\"" + TV.format(now)
            + "\",Severity=\"Error\",Service=\"SIP\",EventVersion=\"2\",AccountID=\"" + clean(account)
            + "\",SessionID=\"0x0\",LocalAddress=\"\",RemoteAddress=\"" + remote + "\"");
        if (blockedNow[0]) {
            PbxLog.limited(PbxLog.Level.SECURITY, "chan_sip.c", remote.substring(0, remote.lastIndexOf('/')),
                "SecurityEvent=\"AddressBlocked\",EventTV=\"" + TV.format(now)
                + "\",Severity=\"Error\",Service=\"SIP\",EventVersion=\"1\",RemoteAddress=\"" + remote
                + "\",Failures=\"" + maxFailures + "\",Window=\"" + window.toSeconds() + "\",BlockedFor=\""
                + blockFor.toSeconds() + "\"");
        }
        return blockedNow[0];
    }

    /** A success forgets the address's earlier failures (a phone that mistyped once, then got it right). */
    public void recordSuccess(InetAddress address) {
        states.computeIfPresent(address, (a, st) -> st.blockedUntil != null ? st : null);
    }

    /** Forgets addresses whose failures and block have run out; call now and then to bound memory. */
    public void sweep() {
        Instant now = clock.instant();
        for (InetAddress a : states.keySet()) {
            states.computeIfPresent(a, (k, st) -> {
                if (st.blockedUntil != null && now.isBefore(st.blockedUntil)) return st;
                st.blockedUntil = null;
                prune(st, now);
                return st.failures.isEmpty() ? null : st;
            });
        }
    }

    /** Addresses tracked (failing or blocked), for {@code sip show} style listings and tests. */
    public int tracked() { return states.size(); }

    private void prune(State st, Instant now) {
        Instant oldest = now.minus(window);
        while (!st.failures.isEmpty() && !st.failures.peekFirst().isAfter(oldest)) st.failures.pollFirst();
    }

    /** Asterisk's address form: {@code IPV4/UDP/192.0.2.1/5060}. */
    private static String remote(InetSocketAddress a, String transport) {
        String kind = a.getAddress().getAddress().length == 4 ? "IPV4" : "IPV6";
        return kind + "/" + transport.toUpperCase(java.util.Locale.ROOT) + "/" + a.getAddress().getHostAddress()
            + "/" + a.getPort();
    }

    private static String clean(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 64));
        for (int i = 0; i < s.length() && sb.length() < 64; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == '"' || c >= 0x7f ? '_' : c);
        }
        return sb.toString();
    }
}
