package org.switchboard.channels.sip.call;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.channels.sip.transaction.ServerTransaction;
import org.switchboard.core.HangupCause;

/**
 * The calls of one stack, found by Call-ID and our tag (the half of the dialog ID we chose, so
 * requests with the To tag we gave and responses with our From tag find their call, RFC 3261
 * §12), and unanswered incoming ones by their INVITE transaction (for CANCEL, §9.2).
 */
public final class SipCalls {
    private final ConcurrentHashMap<String, SipCall> byKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ServerTransaction, SipCall> byInvite = new ConcurrentHashMap<>();
    /** Incoming calls by Call-ID and the caller's From tag: where a retransmitted INVITE belongs (§8.2.2.2). */
    private final ConcurrentHashMap<String, SipUas> byRemote = new ConcurrentHashMap<>();

    static String key(String callId, String localTag) { return callId + "\u0000" + localTag; }

    void add(SipCall c) { byKey.put(key(c.callId(), c.localTag()), c); }

    /** Registers an unanswered incoming call, for a CANCEL of its INVITE (§9.2). */
    void addPending(ServerTransaction invite, SipCall c) { byInvite.put(invite, c); }

    void removePending(ServerTransaction invite) { byInvite.remove(invite); }

    public SipCall pending(ServerTransaction invite) {
        return invite == null ? null : byInvite.get(invite);
    }

    void addInbound(String callId, String fromTag, SipUas c) { if (fromTag != null) byRemote.put(callId + "\u0000" + fromTag, c); }

    public SipUas inbound(String callId, String fromTag) {
        return callId == null || fromTag == null ? null : byRemote.get(callId + "\u0000" + fromTag);
    }

    public SipCall find(String callId, String localTag) {
        return callId == null || localTag == null ? null : byKey.get(key(callId, localTag));
    }

    void remove(SipCall c) {
        byKey.remove(key(c.callId(), c.localTag()), c);
        if (c instanceof SipUas u) byInvite.remove(u.inviteTx(), c);
        if (c instanceof SipUas u && u.fromTag() != null) byRemote.remove(u.callId() + "\u0000" + u.fromTag(), u);
    }

    /** The ACK of an outgoing call that has ended, for 32 s (64·T1): a late 2xx retransmission is ACKed again (§13.2.2.4). */
    private record SentAck(org.switchboard.channels.sip.message.SipRequest ack, org.switchboard.channels.sip.transport.Endpoint to) {}
    private final ConcurrentHashMap<String, SentAck> recentAcks = new ConcurrentHashMap<>();

    void rememberAck(String callId, String localTag, org.switchboard.channels.sip.message.SipRequest ack,
                     org.switchboard.channels.sip.transport.Endpoint to, java.util.concurrent.ScheduledExecutorService scheduler) {
        String k = key(callId, localTag);
        SentAck a = new SentAck(ack, to);
        recentAcks.put(k, a);
        try {
            scheduler.schedule(() -> recentAcks.remove(k, a), 32, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            recentAcks.remove(k, a); // shutting down
        }
    }

    /** Sends the remembered ACK again; false when there is none. */
    public boolean resendAck(String callId, String localTag, org.switchboard.channels.sip.transaction.TransactionLayer layer) {
        SentAck a = callId == null || localTag == null ? null : recentAcks.get(key(callId, localTag));
        if (a == null) return false;
        layer.sendStateless(a.ack(), a.to());
        return true;
    }

    public int size() { return byKey.size(); }

    public Collection<SipCall> all() { return List.copyOf(byKey.values()); }

    /** Unloading: every call ends from our side (BYE, CANCEL or a final response goes out). */
    public void hangupAll() {
        for (SipCall c : new ArrayList<>(byKey.values())) {
            org.switchboard.core.Channel ch = c.channel();
            if (ch != null) ch.softHangup(HangupCause.NORMAL_CLEARING);
        }
    }
}
