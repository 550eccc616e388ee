package org.switchboard.channels.sip.transaction;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.switchboard.channels.sip.message.SipMessage;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.channels.sip.transport.PeerLog;
import org.switchboard.core.PbxLog;

/**
 * What client and server transactions share (RFC 3261 §17): the request that created it, the
 * peer, and a lock. State changes happen under the lock; callbacks to the TU happen after it is
 * released, so a TU may call back into the transaction without deadlock.
 */
public abstract class Transaction {
    protected final ReentrantLock lock = new ReentrantLock();
    protected final String key;
    /** Null once a server transaction has its final response: Timers H, J and L need only the response. */
    private volatile SipRequest request;
    protected final Endpoint peer;
    protected final TransactionContext ctx;
    private volatile Consumer<Transaction> onTerminated = t -> {};

    Transaction(String key, SipRequest request, Endpoint peer, TransactionContext ctx) {
        this.key = key;
        this.request = request;
        this.peer = peer;
        this.ctx = ctx;
    }

    public String key() { return key; }
    /**
     * The request that created this transaction; null once a server transaction has sent its final
     * response (see {@link #forgetRequest}).
     */
    public SipRequest request() { return request; }

    /**
     * Lets the request go: a completed server transaction lives on for 64*T1 only to replay its
     * response (RFC 3261 §17.2.2 Timer J, §17.2.1 Timer H), matched by its key. At 3,000 calls/s
     * that is 96,000 BYE transactions, and the parsed request was three quarters of each.
     */
    protected void forgetRequest() { request = null; }

    /** The remote end: where requests go (client) or where the request came from (server). */
    public Endpoint peer() { return peer; }

    public abstract boolean isTerminated();

    /** §17.1.1.2, §17.2.1: no retransmission timers over reliable transports. */
    protected boolean reliable() { return peer.reliable(); }

    protected long t1() { return ctx.settings().t1(); }
    protected long t2() { return ctx.settings().t2(); }
    protected long t4() { return ctx.settings().t4(); }

    protected SipTimers.Handle schedule(long delay, Runnable task) { return ctx.timers().schedule(delay, task); }

    /** For Timers J and L, whose delay is 64*T1 every time (see {@link SipTimers#scheduleInOrder}). */
    protected SipTimers.Handle scheduleInOrder(long delay, Runnable task) { return ctx.timers().scheduleInOrder(delay, task); }

    protected void send(SipMessage m, Endpoint to) { send(m, to, null); }

    /** Sends; {@code onFailure} hears of a transport error (§17.1.4, §18.4). */
    protected void send(SipMessage m, Endpoint to, Consumer<Throwable> onFailure) {
        try {
            ctx.sender().send(m, to, onFailure);
        } catch (RuntimeException e) { // a transport error must not wedge the state machine
            PeerLog.log(PbxLog.Level.WARNING, PeerLog.SIP, to, "send to " + to + " failed: " + e);
            if (onFailure != null) onFailure.accept(e);
        }
    }

    void onTerminated(Consumer<Transaction> c) { this.onTerminated = c; }

    /** Tells the layer to forget this transaction; call once, when entering Terminated. */
    protected void fireTerminated() { onTerminated.accept(this); }

    /** Runs {@code action} under the lock and then the callback it returns, if any, outside it. */
    protected void locked(java.util.function.Supplier<Runnable> action) {
        Runnable after;
        lock.lock();
        try {
            after = action.get();
        } finally {
            lock.unlock();
        }
        if (after != null) after.run();
    }

    @Override public String toString() { return getClass().getSimpleName() + "[" + key + "]"; }
}
