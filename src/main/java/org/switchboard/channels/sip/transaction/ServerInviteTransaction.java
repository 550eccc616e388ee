package org.switchboard.channels.sip.transaction;

import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipResponses;
import org.switchboard.channels.sip.transport.Endpoint;

/**
 * The INVITE server transaction (RFC 3261 §17.2.1, Figure 7, as RFC 6026 §7.1 and Figure 7
 * change it): a 2xx moves it to Accepted, where it lives for Timer L (64*T1), passes the TU's 2xx
 * retransmissions and ACKs through, and answers a retransmitted INVITE with the 2xx the TU gave.
 */
public final class ServerInviteTransaction extends ServerTransaction {

    public enum State { PROCEEDING, ACCEPTED, COMPLETED, CONFIRMED, TERMINATED }

    private State state = State.PROCEEDING;
    private SipResponse lastProvisional;
    private KeptResponse finalResponse;
    private long intervalG;
    private SipTimers.Handle trying = SipTimers.NONE;
    private SipTimers.Handle timerG = SipTimers.NONE;
    private SipTimers.Handle timerH = SipTimers.NONE;
    private SipTimers.Handle timerL = SipTimers.NONE;

    ServerInviteTransaction(String key, SipRequest invite, Endpoint source, TransactionContext ctx, TransactionUser user) {
        super(key, invite, source, ctx, user);
    }

    public State state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    @Override public boolean isTerminated() { return state() == State.TERMINATED; }

    /** Whether a final response has been sent. */
    public boolean answered() {
        lock.lock();
        try {
            return state != State.PROCEEDING;
        } finally {
            lock.unlock();
        }
    }

    @Override void start() {
        locked(() -> {
            trying = schedule(TimerSettings.TRYING_DELAY, this::sendTrying);
            return null;
        });
    }

    /** §17.2.1: 100 Trying if the TU has said nothing within 200 ms. */
    private void sendTrying() {
        locked(() -> {
            if (state == State.PROCEEDING && lastProvisional == null) {
                lastProvisional = SipResponses.create(request(), 100, null);
                sendResponse(lastProvisional);
            }
            return null;
        });
    }

    @Override public boolean respond(SipResponse r) {
        lock.lock();
        try {
            if (state == State.ACCEPTED && r.isSuccess()) { // RFC 6026 §7.1: the TU's retransmission goes out
                finalResponse = KeptResponse.of(r);
                sendResponse(r);
                return true;
            }
            if (state != State.PROCEEDING) return false;
            trying.cancel();
            sendResponse(r);
            if (r.isProvisional()) {
                lastProvisional = r;
            } else if (r.isSuccess()) {
                state = State.ACCEPTED; // RFC 6026 §7.1; the TU retransmits the 2xx until ACK (§13.3.1.4)
                finalResponse = KeptResponse.of(r);
                lastProvisional = null;
                forgetRequest();
                timerL = schedule(ctx.settings().timeout(), () -> locked(() -> { // usually cut short by the ACK
                    if (state == State.ACCEPTED) terminate(); // Timer L
                    return null;
                }));
            } else {
                state = State.COMPLETED;
                finalResponse = KeptResponse.of(r);
                lastProvisional = null;
                forgetRequest();
                if (!reliable()) {
                    intervalG = t1();
                    timerG = schedule(intervalG, this::timerG);
                }
                timerH = schedule(ctx.settings().timeout(), this::timerH);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override void receiveRetransmission(SipRequest retransmitted) {
        locked(() -> {
            if (state == State.PROCEEDING && lastProvisional != null) sendResponse(lastProvisional); // §17.2.1
            else if (state == State.COMPLETED || state == State.ACCEPTED) replay(finalResponse);
            return null;
        });
    }

    /**
     * An ACK matching this transaction. For a non-2xx final (§17.2.1): Completed → Confirmed, and
     * absorbed (true). In Accepted it is the ACK for the 2xx: it belongs to the TU (false, RFC 6026 §7.1).
     */
    boolean receiveAck(SipRequest ack) {
        lock.lock();
        try {
            if (state == State.ACCEPTED) return false;
        } finally {
            lock.unlock();
        }
        locked(() -> {
            if (state != State.COMPLETED) return null; // Confirmed absorbs further ACKs
            state = State.CONFIRMED;
            timerG.cancel();
            timerH.cancel();
            if (reliable()) terminate(); // timer I is zero over reliable transports
            else schedule(t4(), () -> locked(() -> {
                if (state == State.CONFIRMED) terminate();
                return null;
            }));
            return null;
        });
        return true;
    }

    private void timerG() {
        locked(() -> {
            if (state != State.COMPLETED) return null;
            replay(finalResponse);
            intervalG = Math.min(2 * intervalG, t2());
            timerG = schedule(intervalG, this::timerG);
            return null;
        });
    }

    private void timerH() {
        locked(() -> {
            if (state != State.COMPLETED) return null;
            terminate();
            return () -> user.onServerTimeout(this);
        });
    }

    /**
     * The TU has the ACK for our 2xx: Accepted need only outlive an INVITE retransmission the
     * caller sent before it, and none stays in the network longer than T4 (§17.1.2.2, Table 4).
     * So Timer L is cut to T4 from now: at thousands of calls a second, 32 s of answered
     * transactions would be most of the heap.
     */
    public void acknowledged() {
        locked(() -> {
            if (state != State.ACCEPTED) return null;
            timerL.cancel();
            timerL = scheduleInOrder(Math.min(t4(), ctx.settings().timeout()), () -> locked(() -> {
                if (state == State.ACCEPTED) terminate();
                return null;
            }));
            return null;
        });
    }

    @Override public void abandon() {
        locked(() -> {
            if (state == State.PROCEEDING) terminate();
            return null;
        });
    }

    private void terminate() {
        state = State.TERMINATED;
        trying.cancel();
        timerG.cancel();
        timerH.cancel();
        timerL.cancel();
        fireTerminated();
    }
}
