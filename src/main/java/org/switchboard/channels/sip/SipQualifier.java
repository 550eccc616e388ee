package org.switchboard.channels.sip;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.switchboard.channels.sip.call.SipCall;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.message.CSeq;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.Headers;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.message.SipMethod;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.channels.sip.registrar.Binding;
import org.switchboard.channels.sip.transaction.ClientTransaction;
import org.switchboard.channels.sip.transaction.ClientTransactionUser;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.channels.sip.transport.Protocol;
import org.switchboard.core.PbxLog;

/**
 * {@code qualify=}: an OPTIONS to each such peer every {@value #FREQ_SECONDS} s (chan_sip's
 * qualifyfreq); any response means reachable, within the peer's limit OK, beyond it LAGGED, none
 * UNREACHABLE. Peers that just registered are asked within a few seconds.
 */
public final class SipQualifier {
    public static final int FREQ_SECONDS = 60;
    private final SipStack stack;
    private final Map<String, Long> lastAsked = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> task;
    private final java.util.concurrent.atomic.AtomicBoolean scanning = new java.util.concurrent.atomic.AtomicBoolean();

    SipQualifier(SipStack stack) { this.stack = stack; }

    void start() {
        task = stack.scheduler().scheduleWithFixedDelay(this::scanOffTimer, 1, 5, TimeUnit.SECONDS);
    }

    /**
     * A peer whose {@code host=} is a name costs a blocking DNS lookup, which must not hold the
     * PBX's timer thread: the scan runs on a virtual thread of its own, one scan at a time.
     */
    private void scanOffTimer() {
        if (!scanning.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("sip-qualify").start(PbxLog.carried(() -> {
            try {
                scan();
            } finally {
                scanning.set(false);
            }
        }));
    }

    void stop() {
        ScheduledFuture<?> t = task;
        if (t != null) t.cancel(false);
    }

    private void scan() {
        try {
            long now = System.currentTimeMillis();
            for (SipPeer p : stack.settings().peers().values()) {
                if (p.qualifyMs() <= 0 || !p.type().isPeer()) continue;
                Long last = lastAsked.get(p.name());
                if (last != null && now - last < FREQ_SECONDS * 1000L) continue;
                if (address(p) == null) continue;
                qualify(p);
            }
        } catch (RuntimeException e) {
            PbxLog.warning("chan_sip.c", "qualify scan failed: " + e);
        }
    }

    /** Where {@code p} is now: its host, or its registered contact; null when unknown. */
    Endpoint address(SipPeer p) {
        if (p.isDynamic()) {
            Binding b = stack.registrar().contact(p.name());
            if (b == null) return null;
            return new Endpoint(Protocol.of(b.transport()), new InetSocketAddress(b.targetHost(), b.targetPort()));
        }
        InetSocketAddress a = new InetSocketAddress(p.host(), p.port());
        return a.isUnresolved() ? null : new Endpoint(p.transport(), a); // transport=tls: qualified over TLS too
    }

    /** Sends one OPTIONS now (also {@code sip qualify peer}, AMI SIPqualifypeer); completes with the new status. */
    public CompletableFuture<SipPeerStates.Qualify> qualify(SipPeer p) {
        CompletableFuture<SipPeerStates.Qualify> done = new CompletableFuture<>();
        Endpoint to = address(p);
        if (to == null) {
            done.complete(SipPeerStates.Qualify.UNKNOWN);
            return done;
        }
        lastAsked.put(p.name(), System.currentTimeMillis());
        String host = stack.localHost(to.address().getAddress());
        SipUri uri = SipUri.sip(p.defaultUser(), to.address().getAddress().getHostAddress(), to.address().getPort());
        Headers h = Headers.builder()
            .add(HeaderNames.VIA, stack.newVia(to).toString())
            .add(HeaderNames.MAX_FORWARDS, "70")
            .add(HeaderNames.FROM, "<sip:asterisk@" + host + ">;tag=" + SipIds.tag())
            .add(HeaderNames.TO, "<" + uri + ">")
            .add(HeaderNames.CONTACT, "<sip:asterisk@" + host + ":" + stack.localPort(to.protocol()) + ">")
            .add(HeaderNames.CALL_ID, SipIds.callId(host))
            .add(HeaderNames.CSEQ, new CSeq(SipCall.FIRST_CSEQ, SipMethod.OPTIONS).toString())
            .add(HeaderNames.USER_AGENT, stack.settings().userAgent())
            .addLine(HeaderNames.ACCEPT, "application/sdp")
            .build();
        long sent = System.nanoTime();
        stack.layer().sendRequest(new SipRequest(SipMethod.OPTIONS, uri, h, null), to, new ClientTransactionUser() {
            @Override public void onResponse(ClientTransaction tx, SipResponse r) {
                if (!r.isFinal()) return;
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
                done.complete(update(p, new SipPeerStates.Qualify(ms <= p.qualifyMs() ? "OK" : "LAGGED", ms)));
            }

            @Override public void onTimeout(ClientTransaction tx) {
                done.complete(update(p, new SipPeerStates.Qualify("UNREACHABLE", -1)));
            }
        });
        return done;
    }

    private SipPeerStates.Qualify update(SipPeer p, SipPeerStates.Qualify q) {
        SipPeerStates.Qualify old = stack.peerStates().qualify(p.name());
        stack.peerStates().setQualify(p.name(), q);
        if (!old.status().equals(q.status())) {
            if (q.status().equals("UNREACHABLE")) {
                PbxLog.notice("chan_sip.c", "Peer '" + p.name() + "' is now UNREACHABLE!  Last qualify: " + Math.max(0, old.latencyMs()));
            } else if (q.status().equals("LAGGED")) {
                PbxLog.notice("chan_sip.c", "Peer '" + p.name() + "' is now Lagged. (" + q.latencyMs() + "ms / " + p.qualifyMs() + "ms)");
            } else {
                PbxLog.notice("chan_sip.c", "Peer '" + p.name() + "' is now Reachable. (" + q.latencyMs() + "ms / " + p.qualifyMs() + "ms)");
            }
        }
        return q;
    }
}
