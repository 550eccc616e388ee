package org.switchboard.channels.sip.transaction;

import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.transport.Endpoint;

/** The non-INVITE server transaction (RFC 3261 §17.2.2, Figure 8). */
public final class ServerNonInviteTransaction extends ServerTransaction {

    public enum State { TRYING, PROCEEDING, COMPLETED, TERMINATED }

    private State state = State.TRYING;
    private SipResponse last; // the last provisional, then null once the final is kept
    private KeptResponse kept;

    ServerNonInviteTransaction(String key, SipRequest request, Endpoint source, TransactionContext ctx, TransactionUser user) {
        super(key, request, source, ctx, user);
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

    @Override void start() {}

    @Override public boolean respond(SipResponse r) {
        lock.lock();
        try {
            if (state != State.TRYING && state != State.PROCEEDING) return false;
            last = r;
            sendResponse(r);
            if (r.isProvisional()) {
                state = State.PROCEEDING;
            } else {
                state = State.COMPLETED;
                last = null;
                kept = KeptResponse.of(r);
                forgetRequest();
                if (reliable()) terminate(); // timer J is zero over reliable transports
                else scheduleInOrder(ctx.settings().timeout(), () -> locked(() -> { // timer J
                    if (state == State.COMPLETED) terminate();
                    return null;
                }));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override void receiveRetransmission(SipRequest retransmitted) {
        locked(() -> {
            // §17.2.2: Trying absorbs; Proceeding and Completed replay the last response
            if (state == State.PROCEEDING) sendResponse(last);
            else if (state == State.COMPLETED) replay(kept);
            return null;
        });
    }

    @Override public void abandon() {
        lock.lock();
        try {
            if (state == State.TRYING || state == State.PROCEEDING) terminate();
        } finally {
            lock.unlock();
        }
    }

    private void terminate() {
        state = State.TERMINATED;
        fireTerminated();
    }
}
