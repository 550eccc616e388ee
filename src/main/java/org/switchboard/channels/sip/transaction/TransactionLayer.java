package org.switchboard.channels.sip.transaction;

import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.message.SipMessage;
import org.switchboard.channels.sip.message.SipMethod;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipResponses;
import org.switchboard.channels.sip.message.Via;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.channels.sip.transport.PeerLog;
import org.switchboard.channels.sip.transport.SipSender;
import org.switchboard.channels.sip.transport.SipTransportListener;
import org.switchboard.core.PbxLog;

/**
 * The transaction layer (RFC 3261 §17): matches what transports read to transactions, absorbs
 * retransmissions, creates server transactions for new requests and hands them to the
 * {@link TransactionUser}; creates client transactions for what the TU sends. Thread-safe.
 */
public final class TransactionLayer implements SipTransportListener {
    private final TransactionContext ctx;
    private final TransactionUser user;
    private final ConcurrentHashMap<String, ClientTransaction> clients = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ServerTransaction> servers = new ConcurrentHashMap<>();

    public TransactionLayer(SipSender sender, SipTimers timers, TimerSettings settings, TransactionUser user) {
        this.ctx = new TransactionContext(sender, timers, settings);
        this.user = user;
    }

    public int clientCount() { return clients.size(); }

    /** The timer values every transaction uses (and the UAS core's 2xx retransmission, §13.3.1.4). */
    public TimerSettings settings() { return ctx.settings(); }
    public int serverCount() { return servers.size(); }

    /** Whether {@code r} (with Via and CSeq) matches a server transaction now (§17.2.3). */
    public boolean hasServerTransaction(SipRequest r) {
        return r.topVia() != null && r.cseq() != null && servers.containsKey(TransactionKey.server(r));
    }

    /**
     * Sends a request in a new client transaction: INVITE or non-INVITE by method. The top Via
     * must carry an RFC 3261 branch unique to this request. An ACK has no transaction: use
     * {@link #sendStateless}.
     */
    public ClientTransaction sendRequest(SipRequest request, Endpoint to, ClientTransactionUser tu) {
        if (request.isAck()) throw new IllegalArgumentException("ACK is sent without a transaction");
        Via top = request.topVia();
        if (top == null || top.branch() == null) throw new IllegalArgumentException("request without a Via branch");
        String key = TransactionKey.client(request);
        ClientTransaction tx = request.isInvite()
            ? new ClientInviteTransaction(key, request, to, ctx, tu)
            : new ClientNonInviteTransaction(key, request, to, ctx, tu);
        if (clients.putIfAbsent(key, tx) != null) throw new IllegalStateException("branch already in use: " + key);
        tx.onTerminated(t -> clients.remove(t.key(), t));
        tx.start();
        return tx;
    }

    /** Sends outside any transaction: the ACK for a 2xx, a retransmitted 2xx (§13.3.1.4, §17.1.1.3). */
    public void sendStateless(SipMessage message, Endpoint to) { ctx.sender().send(message, to); }

    /** Everything a transport reads comes here (§17.1.3, §17.2.3). */
    @Override public void onMessage(SipMessage message, Endpoint source) {
        try {
            switch (message) {
                case SipResponse r -> receiveResponse(r, source);
                case SipRequest r -> receiveRequest(r, source);
            }
        } catch (IllegalArgumentException e) { // a Via or CSeq the parser let through but we cannot key
            PeerLog.log(PbxLog.Level.NOTICE, PeerLog.SIP, source, "dropped message from " + source + ": " + e.getMessage());
        }
    }

    private void receiveResponse(SipResponse r, Endpoint source) {
        Via top = r.topVia();
        ClientTransaction tx = top == null || top.branch() == null || r.cseq() == null ? null
            : clients.get(TransactionKey.client(r));
        if (tx != null) tx.receiveResponse(r);
        else user.onStrayResponse(r, source); // §18.1.2: no transaction, the core decides
    }

    private void receiveRequest(SipRequest r, Endpoint source) {
        if (r.topVia() == null || r.cseq() == null) {
            PeerLog.log(PbxLog.Level.NOTICE, PeerLog.SIP, source, "dropped request without Via or CSeq from " + source);
            return;
        }
        String key = TransactionKey.server(r);
        ServerTransaction existing = servers.get(key);
        if (r.isAck()) {
            if (existing instanceof ServerInviteTransaction inv && inv.receiveAck(r)) return;
            user.onAck(r, source); // the ACK for a 2xx belongs to the dialog (RFC 6026 §7.1)
            return;
        }
        if (existing != null) {
            existing.receiveRetransmission(r);
            return;
        }
        ServerTransaction tx = r.isInvite()
            ? new ServerInviteTransaction(key, r, source, ctx, user)
            : new ServerNonInviteTransaction(key, r, source, ctx, user);
        ServerTransaction raced = servers.putIfAbsent(key, tx);
        if (raced != null) { // a retransmission read on another thread got there first
            raced.receiveRetransmission(r);
            return;
        }
        tx.onTerminated(t -> servers.remove(t.key(), t));
        tx.start();
        if (r.method().equals(SipMethod.CANCEL)) {
            ServerTransaction target = servers.get(TransactionKey.cancelled(r));
            if (target instanceof ServerInviteTransaction inv) user.onCancel(tx, inv, r);
            else tx.respond(SipResponses.create(r, 481, null)); // §9.2: nothing to cancel
            return;
        }
        try {
            user.onRequest(tx, r);
        } catch (RuntimeException e) { // a TU bug answers 500 rather than leaving the peer retransmitting
            PeerLog.log(PbxLog.Level.ERROR, PeerLog.SIP, source, "TU failed on " + r.method() + " from " + source + ": " + e);
            tx.respond(SipResponses.create(r, 500, SipIds.tag()));
        }
    }
}
