package org.switchboard.channels.sip.registry;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Function;
import org.switchboard.channels.sip.SipServerLocator;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.switchboard.channels.sip.config.SipRegistration;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.channels.sip.message.CSeq;
import org.switchboard.channels.sip.message.DigestClient;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.channels.sip.transaction.ClientTransaction;
import org.switchboard.channels.sip.transaction.ClientTransactionUser;
import org.switchboard.channels.sip.transaction.TransactionLayer;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.channels.sip.transport.Protocol;
import org.switchboard.core.PbxLog;

/**
 * One {@code register =>} line: keeps a binding at a trunk's registrar (RFC 3261 §10.2), as
 * chan_sip's registry entry does.
 *
 * <p>A cycle sends REGISTER without credentials ({@link RegistrationState#REQUEST_SENT}); a 401/407
 * is answered once with digest credentials ({@link RegistrationState#AUTH_SENT}; MD5 or SHA-256,
 * RFC 8760); 200 OK gives {@link RegistrationState#REGISTERED} and schedules the next cycle before
 * the granted expiry runs out (see {@link #refreshDelayMillis}).
 *
 * <p>Failures, and what follows them:
 * <ul>
 *   <li>no final response or a transport error: {@link RegistrationState#TIMEOUT}, retry after
 *       {@code registertimeout};</li>
 *   <li>a challenge and no secret: {@link RegistrationState#NO_AUTH}; 403, 404, a second challenge
 *       right after our credentials without {@code stale=true}, or a challenge we cannot answer:
 *       {@link RegistrationState#REJECTED}. These are fatal, as in chan_sip: retrying a wrong
 *       password only locks the account, so the line waits for a reload;</li>
 *   <li>any other 3xx-6xx, or a 2xx granting 0 s: {@link RegistrationState#REJECTED}, retry after
 *       {@code registertimeout} (chan_sip leaves such a line to its registration timeout, which
 *       sends it again);</li>
 *   <li>423 Interval Too Brief: sent again at once with the Min-Expires asked for (§10.2.8).</li>
 * </ul>
 * Every attempt that ends in a retryable failure counts against {@code registerattempts}; when
 * they are used up the state is {@link RegistrationState#FAILED} and no more requests are sent.
 * A success resets the count.
 *
 * <p>Thread-safe: responses and timeouts arrive on network and timer threads and are handed to the
 * scheduler; every state change happens under one {@link ReentrantLock}. A response that does not
 * match the request in flight (an old CSeq, one that arrived after {@link #stop}) is logged and dropped.
 */
public final class RegistrationClient {
    private static final String LOG = "chan_sip.c";
    /** Challenges answered in a row within one cycle; more means a registrar looping on stale=true. */
    private static final int MAX_AUTH_TRIES = 3;
    /** 423 answers followed within one cycle. */
    private static final int MAX_INTERVAL_BUMPS = 3;

    private final SipRegistration reg;
    private final String userAgent;
    private final int defaultExpiry;
    private final TransactionLayer layer;
    private final Supplier<InetSocketAddress> local;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final RetryPolicy retry;

    private final ReentrantLock lock = new ReentrantLock();
    private final String callId;
    private final String fromTag = SipIds.tag();
    // everything below is guarded by lock
    private long cseq;
    private long pendingCseq = -1;
    /** The Contact of the request in flight, to find our binding in the 200 (§10.2.4). */
    private SipUri sentContact;
    private boolean pendingAuth;
    private boolean unregistering;
    private boolean started;
    private boolean stopped;
    private boolean bound;
    private int authTries;
    private int intervalBumps;
    private int attempts;
    private long requestedExpiry;
    private RegistrationState state = RegistrationState.UNREGISTERED;
    private long grantedExpiry = -1;
    private long registeredAt;
    private long refreshMillis;
    private String lastError;
    private ScheduledFuture<?> timer;
    private CompletableFuture<Void> stopping;
    // RFC 3263: where the REGISTERs go, looked up on a virtual thread of its own, never the scheduler's
    private Function<SipRegistration, SipServerLocator.Located> locator;
    private Function<Endpoint, InetSocketAddress> localFor;
    private List<Endpoint> targets;       // this cycle's, in the order to try; null: not looked up yet
    private int targetIndex;
    private boolean locating;
    private String contactParamName;
    private String contactParamValue;
    private final java.util.List<java.util.function.Consumer<RegistrationState>> listeners =
        new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param registration  the parsed {@code register =>} line
     * @param settings      [general]: userAgent and defaultExpiry (when the line has no {@code ~expiry})
     * @param layer         sends the REGISTERs (its transports must include the line's transport)
     * @param localAddress  our address for Via and Contact: the transport's bound address, or externaddr
     * @param scheduler     runs refreshes, retries and the handling of responses
     * @param clock         for {@link #registeredAtMillis}
     * @param retry         registertimeout and registerattempts
     */
    public RegistrationClient(SipRegistration registration, SipSettings settings, TransactionLayer layer,
                              Supplier<InetSocketAddress> localAddress, ScheduledExecutorService scheduler, Clock clock,
                              RetryPolicy retry) {
        this.reg = registration;
        this.userAgent = settings.userAgent();
        this.defaultExpiry = settings.defaultExpiry();
        this.layer = layer;
        this.local = localAddress;
        this.scheduler = scheduler;
        this.clock = clock;
        this.retry = retry;
        this.callId = SipIds.callId(null);
        this.requestedExpiry = registration.expiry() > 0 ? registration.expiry() : settings.defaultExpiry();
        this.refreshMillis = requestedExpiry * 1000; // chan_sip shows the asked expiry until a 200 says otherwise
    }

    /**
     * Locates the registrar by RFC 3263 ({@code locator}, blocking, run on a virtual thread) instead
     * of the host's address, and takes our Contact's address from {@code localFor} the target's.
     * Call before {@link #start}.
     */
    public void locateWith(Function<SipRegistration, SipServerLocator.Located> locator, Function<Endpoint, InetSocketAddress> localFor) {
        this.locator = locator;
        this.localFor = localFor;
    }

    /** A parameter our Contact URI carries (res_pjsip's {@code line}); call before {@link #start}. */
    public void contactParam(String name, String value) {
        contactParamName = name;
        contactParamValue = value;
    }

    /** Where the REGISTER in flight (or the last one) went; null before the first. */
    public Endpoint target() { return locked(() -> targets == null || targets.isEmpty() ? null : targets.get(targetIndex)); }

    public SipRegistration registration() { return reg; }
    public String username() { return reg.user(); }
    public String host() { return reg.host(); }
    public int port() { return RegisterRequests.port(reg); }
    /** The Call-ID every REGISTER of this line carries (§10.2.4). */
    public String callId() { return callId; }

    public RegistrationState state() { return locked(() -> state); }
    /** Seconds the registrar granted at the last 200 OK, -1 before one. */
    public long expiresSeconds() { return locked(() -> grantedExpiry); }
    /** When the last 200 OK arrived (the clock's millis), 0 before one. */
    public long registeredAtMillis() { return locked(() -> registeredAt); }
    /** Why the last attempt failed, null after a success. */
    public String lastError() { return locked(() -> lastError); }
    /**
     * Seconds from the last 200 OK to the refresh, as chan_sip's {@code sip show registry} Refresh
     * column; before a 200, the expiry asked for (as chan_sip shows it).
     */
    public int refreshSeconds() { return locked(() -> (int) (refreshMillis / 1000)); }
    /** REGISTER attempts since the last success. */
    public int attempts() { return locked(() -> attempts); }

    /**
     * Calls {@code listener} with every new state, in order, on the thread that changed it and
     * under the client's lock: it must not block (AMI Registry events, tests).
     */
    public void addStateListener(java.util.function.Consumer<RegistrationState> listener) { listeners.add(listener); }

    private <T> T locked(Supplier<T> s) {
        lock.lock();
        try {
            return s.get();
        } finally {
            lock.unlock();
        }
    }

    /** Sends the first REGISTER; a second call does nothing. */
    public void start() {
        lock.lock();
        try {
            if (started) return;
            started = true;
            stopped = false;
            newCycle();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops refreshing and retrying; when registered (or a refresh is out) sends REGISTER with
     * Expires: 0 (§10.2.2), best effort: answered by one challenge round at most, never retried.
     * The future completes when that ends (or at once when nothing was sent).
     */
    public CompletableFuture<Void> stop() {
        lock.lock();
        try {
            if (stopping != null) return stopping;
            stopping = new CompletableFuture<>();
            stopped = true;
            cancelTimer();
            if (!bound) {
                pendingCseq = -1;
                changeState(RegistrationState.UNREGISTERED);
                stopping.complete(null);
                return stopping;
            }
            unregistering = true;
            authTries = 0;
            send(null);
            return stopping;
        } finally {
            lock.unlock();
        }
    }

    /**
     * PJSIPUnregister / {@code pjsip send unregister}: REGISTER with Expires: 0 when bound, then no
     * more attempts until {@link #reregister}. The same as {@link #stop}.
     */
    public CompletableFuture<Void> unregister() { return stop(); }

    /**
     * PJSIPRegister / {@code pjsip send register}: unregisters when bound, then starts over (the
     * registrar located again, attempts counted from zero) and refreshes as configured.
     */
    public void reregister() {
        stop().whenComplete((done, error) -> {
            lock.lock();
            try {
                started = false;
                stopping = null;
                attempts = 0;
                targets = null;
            } finally {
                lock.unlock();
            }
            start();
        });
    }

    // ---- sending ----

    /** A new REGISTER cycle: no credentials, counts as an attempt. Caller holds the lock. */
    private void newCycle() {
        if (stopped) return;
        attempts++;
        authTries = 0;
        intervalBumps = 0;
        send(null);
    }

    /** Sends one REGISTER, with credentials when {@code auth} is given. Caller holds the lock. */
    private void send(RegisterRequests.Authorization auth) {
        Protocol protocol;
        try {
            protocol = Protocol.of(reg.transport());
        } catch (IllegalArgumentException e) {
            fatal(RegistrationState.FAILED, "transport " + reg.transport() + " is not supported",
                "Registration for '" + this + "' uses transport " + reg.transport() + ", which we cannot send; giving up");
            return;
        }
        InetSocketAddress to;
        InetSocketAddress me;
        if (locator != null) {
            if (targets == null) {
                locate(auth);
                return;
            }
            Endpoint target = targets.get(targetIndex);
            protocol = target.protocol();
            to = target.address();
            try {
                me = localFor.apply(target);
            } catch (RuntimeException e) {
                me = null;
            }
        } else {
            to = new InetSocketAddress(reg.host(), port());
            if (to.isUnresolved()) {
                sendFailed("cannot resolve " + reg.host(), "Probably a DNS error for registration to '" + this + "'");
                return;
            }
            try {
                me = local.get();
            } catch (RuntimeException e) {
                me = null;
            }
        }
        if (me == null) {
            sendFailed("no local address", "No local address for registration to '" + this + "'");
            return;
        }
        long seq = ++cseq;
        long expires = unregistering ? 0 : requestedExpiry;
        SipRequest request = RegisterRequests.build(reg, new RegisterRequests.Params(callId, fromTag, seq, SipIds.branch(),
            expires, userAgent, me, auth));
        pendingCseq = seq;
        pendingAuth = auth != null;
        sentContact = RegisterRequests.contact(reg, me);
        if (contactParamName != null) {
            sentContact = sentContact.withParam(contactParamName, contactParamValue);
            request = request.withHeaders(request.headers().toBuilder()
                .set(HeaderNames.CONTACT, org.switchboard.channels.sip.message.NameAddr.of(sentContact).toString()).build());
        }
        if (!unregistering) changeState(auth != null ? RegistrationState.AUTH_SENT : RegistrationState.REQUEST_SENT);
        try {
            layer.sendRequest(request, new Endpoint(protocol, to), new Tu(seq));
        } catch (RuntimeException e) { // a branch clash or a request the layer refuses: a bug, but not a crash
            pendingCseq = -1;
            sendFailed("could not send: " + e.getMessage(), "Could not send REGISTER for '" + this + "': " + e.getMessage());
        }
    }

    /** Looks the registrar up on a virtual thread, then sends (or fails the attempt with the DNS's reason). Caller holds the lock. */
    private void locate(RegisterRequests.Authorization auth) {
        if (locating) return;
        locating = true;
        Thread.ofVirtual().name("sip-locate-" + reg.host()).start(() -> {
            SipServerLocator.Located found = locator.apply(reg);
            lock.lock();
            try {
                locating = false;
                if (stopped && !unregistering) return;
                if (found.targets().isEmpty()) {
                    sendFailed(found.error(), "Registration for '" + this + "': cannot locate '" + reg.host() + "': " + found.error());
                    return;
                }
                targets = found.targets();
                targetIndex = 0;
                send(auth);
            } finally {
                lock.unlock();
            }
        });
    }

    /** RFC 3263 §4.3: after a timeout, a transport error or a 503, the next target at once; false when none is left. Caller holds the lock. */
    private boolean nextTarget(String why) {
        if (targets == null) return false;
        if (targetIndex + 1 >= targets.size()) {
            targets = null;   // the next cycle looks the registrar up again
            return false;
        }
        PbxLog.verbose(3, "Registration for '" + this + "': " + why + " from " + targets.get(targetIndex).address() + "; trying "
            + targets.get(targetIndex + 1).address());
        targetIndex++;
        authTries = 0;
        send(null);
        return true;
    }

    private void sendFailed(String error, String logLine) {
        if (unregistering) finishUnregister(error);
        else retryLater(RegistrationState.TIMEOUT, error, logLine);
    }

    /** The answers to one REGISTER, handed to the scheduler so no network thread waits on our lock. */
    private final class Tu implements ClientTransactionUser {
        private final long seq;

        Tu(long seq) { this.seq = seq; }

        @Override public void onResponse(ClientTransaction tx, SipResponse response) {
            if (response.isProvisional()) return;
            dispatch(() -> handleResponse(seq, response));
        }

        @Override public void onTimeout(ClientTransaction tx) { dispatch(() -> handleTimeout(seq, "no response")); }

        @Override public void onTransportError(ClientTransaction tx, Throwable cause) {
            dispatch(() -> handleTimeout(seq, "transport error: " + cause));
        }
    }

    private void dispatch(Runnable task) {
        try {
            scheduler.execute(() -> {
                lock.lock();
                try {
                    task.run();
                } catch (RuntimeException e) { // a bug here must leave the line in a known state, not kill the scheduler
                    PbxLog.error(LOG, "Registration for '" + this + "' failed: " + e);
                    retryLater(RegistrationState.REJECTED, "internal error: " + e, null);
                } finally {
                    lock.unlock();
                }
            });
        } catch (RejectedExecutionException e) {
            // the scheduler is shut down: the PBX is stopping
        }
    }

    // ---- receiving (all under the lock) ----

    private boolean current(long seq, String what) {
        if (seq == pendingCseq && (!stopped || unregistering)) return true;
        PbxLog.debug(LOG, "Ignoring " + what + " to REGISTER CSeq " + seq + " for '" + this + "' (in flight: "
            + (pendingCseq < 0 ? "none" : pendingCseq) + ")");
        return false;
    }

    private void handleResponse(long seq, SipResponse r) {
        CSeq c;
        try {
            c = r.cseq();
        } catch (IllegalArgumentException e) {
            c = null;
        }
        if (!current(seq, Integer.toString(r.status()))) return;
        pendingCseq = -1;
        if (c == null || c.seq() != seq || !c.method().equals("REGISTER")) {
            // the transaction is over, so no timeout will follow: treat it as a failure, not silence
            String error = "response with CSeq '" + r.header("CSeq") + "' to CSeq " + seq;
            if (unregistering) finishUnregister(error);
            else retryLater(RegistrationState.REJECTED, error, "Registration for '" + this + "' got a " + r.status()
                + " with a wrong CSeq '" + r.header("CSeq") + "'");
            return;
        }
        int status = r.status();
        if (status == 503 && !unregistering && nextTarget("503")) return;
        if (status == 401 || status == 407) onChallenge(r);
        else if (unregistering) finishUnregister(status < 300 ? null : status + " " + r.reason());
        else if (r.isSuccess()) onSuccess(r);
        else if (status == 423) onIntervalTooBrief(r);
        else if (status == 403 && retry.forbiddenRetry() != null) {
            // res_pjsip's forbidden_retry_interval: a 403 is tried again later instead of given up on
            retryLater(RegistrationState.REJECTED, "403 " + r.reason(), "Registration for '" + this + "' got 403 "
                + r.reason(), retry.forbiddenRetry().toMillis());
        } else if (status == 403) {
            fatal(RegistrationState.REJECTED, "403 " + r.reason(),
                "Forbidden - wrong password on authentication for REGISTER for '" + reg.user() + "' to '" + reg.host() + "'");
        } else if (status == 404) {
            fatal(RegistrationState.REJECTED, "404 " + r.reason(),
                "Got 404 Not found on SIP register to service " + this + ", giving up");
        } else {
            retryLater(RegistrationState.REJECTED, status + " " + r.reason(),
                "Registration for '" + this + "' got " + status + " " + r.reason());
        }
    }

    private void handleTimeout(long seq, String why) {
        if (!current(seq, "timeout")) return;
        pendingCseq = -1;
        if (unregistering) {
            finishUnregister(why);
            return;
        }
        if (nextTarget(why)) return;
        retryLater(RegistrationState.TIMEOUT, why, "Registration for '" + this + "' timed out");
    }

    private void onChallenge(SipResponse r) {
        if (reg.secret() == null) {
            failOrFinish(RegistrationState.NO_AUTH, "challenged, and no secret configured",
                "Registration for '" + this + "' was challenged, and no secret is configured");
            return;
        }
        DigestClient.Choice c = DigestClient.choose(r); // the strongest algorithm we support (RFC 8760)
        if (c == null) {
            failOrFinish(RegistrationState.REJECTED, "no usable Digest challenge in " + r.status(),
                "Registration for '" + this + "': no Digest challenge we can answer in " + r.status() + " " + r.reason());
            return;
        }
        // a challenge right after our credentials means they were wrong, unless the nonce only went stale (RFC 7616 §3.3)
        if ((pendingAuth && !c.digest().stale()) || authTries >= MAX_AUTH_TRIES) {
            failOrFinish(RegistrationState.REJECTED, "authentication failed (" + r.status() + ")",
                "Failed to authenticate on REGISTER to '" + this + "' (Tries " + authTries + ")");
            return;
        }
        authTries++;
        // a new nonce each time (we never reuse one), so the nonce count is always 1
        send(RegisterRequests.answer(c, reg, RegisterRequests.requestUri(reg), SipIds.tag(), 1));
    }

    private void onSuccess(SipResponse r) {
        SipUri ours = sentContact;
        RegisterRequests.Granted g = RegisterRequests.granted(r, ours);
        long granted = g.seconds();
        if (g.source() == RegisterRequests.Granted.Source.NONE) {
            // chan_sip falls back to what it asked for; a registrar that says nothing keeps what we asked
            granted = requestedExpiry;
            PbxLog.notice(LOG, "200 OK to REGISTER for '" + this + "' has neither our Contact's expires nor Expires; "
                + "assuming " + granted + " s");
        } else if (!RegisterRequests.listsContact(r, ours)) {
            PbxLog.notice(LOG, "200 OK to REGISTER for '" + this + "' does not list our Contact " + ours
                + "; using Expires " + granted + " s");
        }
        if (granted <= 0) {
            bound = false;
            retryLater(RegistrationState.REJECTED, "registrar granted 0 s",
                "Registration for '" + this + "' was accepted with expires 0");
            return;
        }
        boolean fresh = !bound;
        bound = true;
        attempts = 0;
        lastError = null;
        grantedExpiry = granted;
        registeredAt = clock.millis();
        refreshMillis = refreshDelayMillis(granted);
        changeState(RegistrationState.REGISTERED);
        if (fresh) PbxLog.verbose(3, "Registered SIP '" + reg.user() + "' at " + reg.host() + " port " + port());
        else PbxLog.debug(LOG, "Registration for '" + this + "' refreshed for " + granted + " s");
        schedule(refreshMillis, this::newCycle);
    }

    /** SPEC: RFC 3261 §10.2.8: send again with the Min-Expires the registrar asks for. */
    private void onIntervalTooBrief(SipResponse r) {
        long min = RegisterRequests.minExpires(r);
        if (min <= requestedExpiry || intervalBumps >= MAX_INTERVAL_BUMPS) {
            retryLater(RegistrationState.REJECTED, "423 " + r.reason(),
                "Registration for '" + this + "' got 423 without a usable Min-Expires");
            return;
        }
        intervalBumps++;
        PbxLog.notice(LOG, "Registration for '" + this + "': registrar wants at least " + min + " s, asking again");
        requestedExpiry = min;
        authTries = 0;
        send(null);
    }

    // ---- outcomes (all under the lock) ----

    /** Retries after registertimeout, unless registerattempts are used up. */
    private void retryLater(RegistrationState failed, String error, String logLine) {
        retryLater(failed, error, logLine, retry.registerTimeout().toMillis());
    }

    private void retryLater(RegistrationState failed, String error, String logLine, long delay) {
        lastError = error;
        bound = bound && failed != RegistrationState.REJECTED;
        if (stopped) return;
        if (retry.exhausted(attempts)) {
            changeState(RegistrationState.FAILED);
            PbxLog.notice(LOG, "   -- Last Registration Attempt #" + attempts + " failed, Giving up forever trying to register '"
                + this + "' (" + error + ")");
            return;
        }
        changeState(failed);
        if (logLine != null) {
            PbxLog.notice(LOG, logLine + (failed == RegistrationState.TIMEOUT ? ", trying again" : ", trying again in "
                + formatSeconds(delay)) + " (Attempt #" + (attempts + 1) + ")");
        }
        schedule(delay, this::newCycle);
    }

    /** Gives up until a reload: a wrong password must not be hammered at the registrar. */
    private void fatal(RegistrationState s, String error, String logLine) {
        lastError = error;
        bound = false;
        cancelTimer();
        changeState(s);
        PbxLog.notice(LOG, logLine);
    }

    private void failOrFinish(RegistrationState s, String error, String logLine) {
        if (unregistering) finishUnregister(error);
        else fatal(s, error, logLine);
    }

    private void finishUnregister(String error) {
        unregistering = false;
        bound = false;
        pendingCseq = -1;
        if (error != null) {
            lastError = error;
            PbxLog.notice(LOG, "Unregistering '" + this + "' failed: " + error);
        } else {
            PbxLog.verbose(3, "Unregistered SIP '" + reg.user() + "' at " + reg.host() + " port " + port());
        }
        changeState(RegistrationState.UNREGISTERED);
        if (stopping != null) stopping.complete(null);
    }

    private void changeState(RegistrationState s) {
        if (s == state) return;
        PbxLog.debug(LOG, "Registration for '" + this + "': " + state.text() + " -> " + s.text());
        state = s;
        for (var l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                PbxLog.error(LOG, "registration state listener failed: " + e);
            }
        }
    }

    private void schedule(long delayMillis, Runnable task) {
        cancelTimer();
        try {
            timer = scheduler.schedule(() -> {
                lock.lock();
                try {
                    if (!stopped) task.run();
                } catch (RuntimeException e) {
                    PbxLog.error(LOG, "Registration timer for '" + this + "' failed: " + e);
                } finally {
                    lock.unlock();
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            timer = null;
        }
    }

    private void cancelTimer() {
        if (timer != null) timer.cancel(false);
        timer = null;
    }

    /**
     * When to refresh a binding granted for {@code expiry} seconds (chan_sip's EXPIRY_GUARD rules,
     * tightened for short expiries): up to 10 s at half the expiry; up to 30 s at the expiry less
     * 20% but at least 2 s; above that 15 s before it expires. 120 s refreshes after 105 s.
     */
    static long refreshDelayMillis(long expiry) {
        long ms = expiry * 1000;
        if (expiry <= 10) return ms / 2;
        if (expiry <= 30) return ms - Math.max(ms / 5, 2000);
        return ms - 15_000;
    }

    private static String formatSeconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** {@code user@host[:port]}, as chan_sip names a registration in its log lines. */
    @Override public String toString() { return reg.user() + "@" + reg.host() + (reg.port() > 0 ? ":" + reg.port() : ""); }
}
