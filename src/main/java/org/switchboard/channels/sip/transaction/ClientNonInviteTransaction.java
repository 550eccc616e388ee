package org.switchboard.channels.sip.transaction;

import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.transport.Endpoint;

/** The non-INVITE client transaction (RFC 3261 §17.1.2, Figure 6). */
public final class ClientNonInviteTransaction extends ClientTransaction {

    public enum State { TRYING, PROCEEDING, COMPLETED, TERMINATED }

    private State state = State.TRYING;
    private long intervalE;
    private SipTimers.Handle timerE = SipTimers.NONE;
    private SipTimers.Handle timerF = SipTimers.NONE;

    ClientNonInviteTransaction(String key, SipRequest request, Endpoint peer, TransactionContext ctx, ClientTransactionUser user) {
        super(key, request, peer, ctx, user);
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

    @Override void start() {
        locked(() -> {
            sendRequest();
            if (!reliable()) { // §17.1.2.2: timer E only over unreliable transports
                intervalE = t1();
                timerE = schedule(intervalE, this::timerE);
            }
            timerF = schedule(ctx.settings().timeout(), this::timerF);
            return null;
        });
    }

    private void timerE() {
        locked(() -> {
            if (state != State.TRYING && state != State.PROCEEDING) return null;
            sendRequest();
            // §17.1.2.2: doubling up to T2 in Trying, T2 flat in Proceeding
            intervalE = state == State.TRYING ? Math.min(2 * intervalE, t2()) : t2();
            timerE = schedule(intervalE, this::timerE);
            return null;
        });
    }

    private void timerF() {
        locked(() -> {
            if (state != State.TRYING && state != State.PROCEEDING) return null;
            terminate();
            return timeout();
        });
    }

    @Override void receiveResponse(SipResponse r) {
        locked(() -> switch (state) {
            case TRYING, PROCEEDING -> {
                if (r.isProvisional()) {
                    state = State.PROCEEDING;
                } else {
                    state = State.COMPLETED;
                    timerE.cancel();
                    timerF.cancel();
                    if (reliable()) terminate(); // timer K is zero over reliable transports
                    else schedule(t4(), () -> locked(() -> { // timer K absorbs retransmitted finals
                        if (state == State.COMPLETED) terminate();
                        return null;
                    }));
                }
                yield deliver(r);
            }
            case COMPLETED, TERMINATED -> null;
        });
    }

    @Override void transportFailed(Throwable cause) {
        locked(() -> {
            if (state == State.TERMINATED) return null;
            terminate();
            return transportError(cause);
        });
    }

    private void terminate() {
        state = State.TERMINATED;
        timerE.cancel();
        timerF.cancel();
        fireTerminated();
    }
}
