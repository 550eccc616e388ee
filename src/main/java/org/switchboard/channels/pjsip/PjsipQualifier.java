package org.switchboard.channels.pjsip;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.switchboard.channels.pjsip.config.PjsipAor;
import org.switchboard.channels.pjsip.config.PjsipEndpoint;
import org.switchboard.channels.sip.SipStack;
import org.switchboard.channels.sip.message.CSeq;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.Headers;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.message.SipMethod;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.channels.sip.transaction.ClientTransaction;
import org.switchboard.channels.sip.transaction.ClientTransactionUser;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.channels.sip.transport.Protocol;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.PbxLog;

/**
 * res_pjsip's qualify: every contact of an aor with {@code qualify_frequency} gets an OPTIONS that
 * often; any final answer makes it Reachable (with the round trip), none (Timer F) Unreachable.
 * A change is a verbose line and the Manager's ContactStatus event. Runs on the stack's scheduler,
 * so resolving a static contact's host never holds up a network thread.
 */
final class PjsipQualifier {
    private static final String LOG = "res_pjsip/pjsip_options.c";

    /** A contact's last outcome: Reachable or Unreachable, and the round trip in microseconds (-1 unknown). */
    record Status(String status, long rttUsec) {}

    private final PjsipModule module;
    private final SipStack stack;
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    private final Map<String, Long> lastAsked = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> task;

    PjsipQualifier(PjsipModule module, SipStack stack) {
        this.module = module;
        this.stack = stack;
    }

    void start() { task = stack.scheduler().scheduleWithFixedDelay(this::scan, 1, 1, TimeUnit.SECONDS); }

    void stop() {
        ScheduledFuture<?> t = task;
        if (t != null) t.cancel(false);
    }

    /** The contact's status, or null while it has not been qualified (NonQual / Unknown). */
    Status status(PjsipContacts.Contact c) { return statuses.get(PjsipContacts.id(c)); }

    private void scan() {
        try {
            long now = System.currentTimeMillis();
            for (PjsipAor aor : module.settings().aors().values()) {
                if (aor.qualifyFrequency() <= 0) continue;
                for (PjsipContacts.Contact c : PjsipContacts.ofAor(stack, aor)) {
                    Long last = lastAsked.get(PjsipContacts.id(c));
                    if (last == null || now - last >= aor.qualifyFrequency() * 1000L) qualify(c);
                }
            }
        } catch (RuntimeException e) { // a bug here must not end the schedule
            PbxLog.error(LOG, "qualify scan failed: " + e);
        }
    }

    /** Qualifies every contact of {@code e} now (PJSIPQualify, pjsip qualify); completes when all answered or timed out. */
    CompletableFuture<Void> qualify(PjsipEndpoint e) {
        return CompletableFuture.allOf(PjsipContacts.of(stack, module.settings(), e).stream()
            .map(this::qualify).toArray(CompletableFuture[]::new));
    }

    /**
     * Sends one OPTIONS to the contact; completes with its new status (Unreachable when it cannot be
     * sent). A contact named by domain is located (RFC 3263) on a virtual thread, not the scheduler's.
     */
    CompletableFuture<Status> qualify(PjsipContacts.Contact c) {
        SipUri uri = c.sipUri();
        if (c.binding() != null || uri == null || org.switchboard.net.dns.HostsFile.literal(uri.host()) != null) return send(c);
        CompletableFuture<Status> done = new CompletableFuture<>();
        Thread.ofVirtual().name("pjsip-qualify-" + uri.host()).start(() -> send(c).whenComplete((s, e) -> {
            if (e != null) done.completeExceptionally(e);
            else done.complete(s);
        }));
        return done;
    }

    private CompletableFuture<Status> send(PjsipContacts.Contact c) {
        CompletableFuture<Status> done = new CompletableFuture<>();
        lastAsked.put(PjsipContacts.id(c), System.currentTimeMillis());
        SipUri uri = c.sipUri();
        Endpoint to = uri == null ? null : target(c, uri);
        if (to == null) {
            done.complete(update(c, new Status("Unreachable", -1)));
            return done;
        }
        String host = stack.localHost(to.address().getAddress());
        Headers h = Headers.builder()
            .add(HeaderNames.VIA, stack.newVia(to).toString())
            .add(HeaderNames.MAX_FORWARDS, "70")
            .add(HeaderNames.FROM, "<sip:qualify@" + host + ">;tag=" + SipIds.tag())
            .add(HeaderNames.TO, "<" + uri + ">")
            .add(HeaderNames.CONTACT, "<sip:qualify@" + host + ":" + stack.localPort(to.protocol()) + ">")
            .add(HeaderNames.CALL_ID, SipIds.callId(host))
            .add(HeaderNames.CSEQ, new CSeq(1, SipMethod.OPTIONS).toString())
            .add(HeaderNames.USER_AGENT, stack.settings().userAgent())
            .build();
        long sent = System.nanoTime();
        try {
            stack.layer().sendRequest(new SipRequest(SipMethod.OPTIONS, uri, h, null), to, new ClientTransactionUser() {
                @Override public void onResponse(ClientTransaction tx, SipResponse r) {
                    if (!r.isFinal()) return;
                    done.complete(update(c, new Status("Reachable", TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent))));
                }

                @Override public void onTimeout(ClientTransaction tx) { done.complete(update(c, new Status("Unreachable", -1))); }

                @Override public void onTransportError(ClientTransaction tx, Throwable cause) {
                    done.complete(update(c, new Status("Unreachable", -1)));
                }
            });
        } catch (RuntimeException e) {
            done.complete(update(c, new Status("Unreachable", -1)));
        }
        return done;
    }

    /** Where OPTIONS for the contact go: where it registered from, else its URI's host located by RFC 3263 (the first target). */
    private Endpoint target(PjsipContacts.Contact c, SipUri uri) {
        if (c.binding() != null) {
            return new Endpoint(Protocol.of(c.binding().transport()),
                new InetSocketAddress(c.binding().targetHost(), c.binding().targetPort()));
        }
        try {
            Protocol forced = uri.transportParam() != null ? Protocol.of(uri.transportParam()) : uri.isSecure() ? Protocol.TLS : null;
            var found = stack.locator().locate(uri.host(), uri.port(), forced, false);
            return found.targets().isEmpty() ? null : found.targets().get(0);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Status update(PjsipContacts.Contact c, Status s) {
        Status old = statuses.put(PjsipContacts.id(c), s);
        if (old == null || !old.status().equals(s.status())) {
            PbxLog.verbose(3, "Contact " + c.aor() + "/" + c.uri() + " is now " + s.status() + ".  RTT: "
                + (s.rttUsec() < 0 ? "0.000" : String.format(java.util.Locale.ROOT, "%.3f", s.rttUsec() / 1000.0)) + " msec");
            if (stack.pbx().events().hasSubscribers()) {
                ManagerEvent.Builder b = ManagerEvent.of("ContactStatus", "system").put("URI", c.uri())
                    .put("ContactStatus", s.status()).put("AOR", c.aor()).put("EndpointName", endpointOf(c.aor()))
                    .put("RoundtripUsec", Long.toString(Math.max(0, s.rttUsec())));
                if (c.binding() != null) {
                    b.put("UserAgent", c.binding().userAgent() == null ? "" : c.binding().userAgent())
                        .put("RegExpire", Long.toString(c.binding().expiresAt().getEpochSecond()))
                        .put("ViaAddress", c.binding().source().getAddress().getHostAddress() + ":" + c.binding().source().getPort())
                        .put("CallID", c.binding().callId() == null ? "" : c.binding().callId());
                }
                stack.pbx().events().publish(b.build());
            }
        }
        return s;
    }

    private String endpointOf(String aor) {
        for (PjsipEndpoint e : module.settings().endpoints().values()) if (e.aors().contains(aor)) return e.name();
        return "";
    }
}
