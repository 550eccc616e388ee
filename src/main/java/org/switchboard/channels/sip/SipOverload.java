package org.switchboard.channels.sip;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.channels.sip.transport.PeerLog;
import org.switchboard.channels.sip.transport.ResponseRouting;
import org.switchboard.core.PbxLog;

/**
 * New calls the PBX cannot take get {@code 503 Service Unavailable} with {@code Retry-After}
 * (RFC 3261 §21.5.4, §20.33) instead of a queue that grows until every call fails: when
 * asterisk.conf's {@code maxcalls} or {@code maxload} is reached ({@link SipInbound}), and, on the
 * socket thread before any work is queued, when the INVITE's strand is overloaded
 * ({@link SipStrands}). Only new INVITEs are refused: ACKs, BYEs and responses of accepted calls,
 * OPTIONS and REGISTER go on, so calls in progress complete and monitoring still gets answers.
 */
public final class SipOverload {
    /** Seconds a refused caller is asked to wait. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final AtomicBoolean alert = new AtomicBoolean();
    private final AtomicLong refused = new AtomicLong();

    /** New INVITEs refused so far (by the strand alert and by the call limits). */
    long refused() { return refused.get(); }

    /**
     * On a socket thread: true when {@code r} is a new INVITE that its overloaded strand cannot
     * take; it has then been answered 503 statelessly (§8.2.7) and goes no further.
     */
    boolean shed(SipStack stack, SipStrands strands, SipRequest r, Endpoint source) {
        if (!r.isInvite()) return false;
        if (!strands.overloaded(r.callId())) {
            if (alert.compareAndSet(true, false)) {
                // limited: with one strand past its mark and another not, the alert may flap INVITE by INVITE
                PbxLog.limited(PbxLog.Level.NOTICE, "chan_sip.c", "strand-overload", "SIP strands back under " + SipStrands.LOW_WATER
                    + " queued messages: taking new calls again (" + refused.get() + " refused so far)");
            }
            return false;
        }
        if (r.to() == null || r.to().tag() != null) return false; // a re-INVITE belongs to a call we took
        if (stack.layer().hasServerTransaction(r)) return false; // a retransmission of an INVITE we took
        if (alert.compareAndSet(false, true)) {
            PbxLog.limited(PbxLog.Level.WARNING, "chan_sip.c", "strand-overload", "SIP strand queue reached " + SipStrands.HIGH_WATER
                + " messages: new calls are answered 503 Service Unavailable until it drains");
        }
        refused.incrementAndGet();
        stack.layer().sendStateless(serviceUnavailable(stack, r, SipIds.tag()),
            ResponseRouting.destination(r.topVia(), source));
        return true;
    }

    /** A call refused by maxcalls/maxload: the reason logged (rate-limited per source), 503 sent. */
    public SipResponse refuse(SipStack stack, SipRequest r, String tag, Endpoint source, String reason) {
        refused.incrementAndGet();
        PeerLog.log(PbxLog.Level.WARNING, PeerLog.CHAN_SIP, source, reason);
        return serviceUnavailable(stack, r, tag);
    }

    static SipResponse serviceUnavailable(SipStack stack, SipRequest r, String tag) {
        SipResponse resp = stack.routerReply(r, 503, tag);
        return resp.withHeaders(resp.headers().toBuilder().addLine("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)).build());
    }
}
