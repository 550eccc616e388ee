package org.switchboard.channels.sip.transaction;

import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.Headers;
import org.switchboard.channels.sip.message.SipMethod;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.transport.Endpoint;

/** The INVITE client transaction (RFC 3261 §17.1.1, Figure 5). */
public final class ClientInviteTransaction extends ClientTransaction {

    public enum State { CALLING, PROCEEDING, COMPLETED, TERMINATED }

    private State state = State.CALLING;
    private long intervalA;
    private SipTimers.Handle timerA = SipTimers.NONE;
    private SipTimers.Handle timerB = SipTimers.NONE;
    private SipRequest ack;

    ClientInviteTransaction(String key, SipRequest invite, Endpoint peer, TransactionContext ctx, ClientTransactionUser user) {
        super(key, invite, peer, ctx, user);
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
            if (!reliable()) { // §17.1.1.2: timer A only over unreliable transports
                intervalA = t1();
                timerA = schedule(intervalA, this::timerA);
            }
            timerB = schedule(ctx.settings().b(), this::timerB); // §17.1.1.2: 64*T1 or timerb=
            return null;
        });
    }

    private void timerA() {
        locked(() -> {
            if (state != State.CALLING) return null;
            sendRequest(); // §17.1.1.2: retransmit, double the interval
            intervalA *= 2;
            timerA = schedule(intervalA, this::timerA);
            return null;
        });
    }

    private void timerB() {
        locked(() -> {
            if (state != State.CALLING) return null; // §17.1.1.2: B only times out Calling
            terminate();
            return timeout();
        });
    }

    @Override void receiveResponse(SipResponse r) {
        locked(() -> switch (state) {
            case CALLING, PROCEEDING -> {
                timerA.cancel();
                timerB.cancel();
                if (r.isProvisional()) {
                    state = State.PROCEEDING;
                } else if (r.isSuccess()) {
                    terminate(); // §17.1.1.2: 2xx ends the transaction; the ACK is the TU's
                } else {
                    state = State.COMPLETED; // §17.1.1.2: ACK every non-2xx final, linger for D
                    ack = ackFor(request(), r);
                    send(ack, peer);
                    if (reliable()) terminate();
                    else schedule(ctx.settings().d(), () -> locked(() -> {
                        if (state == State.COMPLETED) terminate();
                        return null;
                    }));
                }
                yield deliver(r);
            }
            case COMPLETED -> {
                if (r.isFinal() && !r.isSuccess()) send(ack, peer); // a retransmitted final: ACK again, absorb
                yield null;
            }
            case TERMINATED -> null;
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
        timerA.cancel();
        timerB.cancel();
        fireTerminated();
    }

    /** The ACK for a non-2xx final response (§17.1.1.3). */
    public static SipRequest ackFor(SipRequest invite, SipResponse response) {
        Headers ih = invite.headers();
        Headers.Builder b = Headers.builder()
            .add(HeaderNames.VIA, ih.get(HeaderNames.VIA))
            .add(HeaderNames.MAX_FORWARDS, "70")
            .add(HeaderNames.FROM, ih.get(HeaderNames.FROM))
            .add(HeaderNames.TO, response.header(HeaderNames.TO))
            .add(HeaderNames.CALL_ID, ih.get(HeaderNames.CALL_ID))
            .add(HeaderNames.CSEQ, invite.cseq().seq() + " " + SipMethod.ACK);
        for (String route : ih.getAll(HeaderNames.ROUTE)) b.add(HeaderNames.ROUTE, route);
        return new SipRequest(SipMethod.ACK, invite.uri(), b.build(), null);
    }

    /** The CANCEL for this INVITE (§9.1): same Request-URI, Call-ID, From, To, CSeq number, top Via and Route. */
    public SipRequest cancelRequest() {
        SipRequest request = request();
        Headers ih = request.headers();
        Headers.Builder b = Headers.builder()
            .add(HeaderNames.VIA, ih.get(HeaderNames.VIA))
            .add(HeaderNames.MAX_FORWARDS, "70")
            .add(HeaderNames.FROM, ih.get(HeaderNames.FROM))
            .add(HeaderNames.TO, ih.get(HeaderNames.TO))
            .add(HeaderNames.CALL_ID, ih.get(HeaderNames.CALL_ID))
            .add(HeaderNames.CSEQ, request.cseq().seq() + " " + SipMethod.CANCEL);
        for (String route : ih.getAll(HeaderNames.ROUTE)) b.add(HeaderNames.ROUTE, route);
        return new SipRequest(SipMethod.CANCEL, request.uri(), b.build(), null);
    }
}
