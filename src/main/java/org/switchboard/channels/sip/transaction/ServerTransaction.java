package org.switchboard.channels.sip.transaction;

import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipResponses;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.channels.sip.transport.ResponseRouting;

/**
 * A server transaction (RFC 3261 §17.2): receives a request and its retransmissions, sends the
 * TU's responses to where §18.2.2 says and replays them when the request is retransmitted.
 */
public abstract class ServerTransaction extends Transaction {
    protected final TransactionUser user;
    protected final Endpoint responseTo;

    ServerTransaction(String key, SipRequest request, Endpoint source, TransactionContext ctx, TransactionUser user) {
        super(key, request, source, ctx);
        this.user = user;
        this.responseTo = ResponseRouting.destination(request.topVia(), source);
    }

    /** Where responses go (§18.2.2, RFC 3581 §4). */
    public Endpoint responseDestination() { return responseTo; }

    /**
     * Sends a response from the TU. Returns false (and sends nothing) when the transaction is past
     * the point of accepting one, e.g. a second final response.
     */
    public abstract boolean respond(SipResponse response);

    /** Builds a response to this request with {@link SipResponses#create} and sends it. */
    public boolean respond(int status, String toTag) {
        SipRequest request = request();
        return request != null && respond(SipResponses.create(request, status, toTag));
    }

    /**
     * Ends the transaction without a response, for a request the TU drops on purpose (a blocked
     * address): no 100 Trying, nothing kept. A retransmission will be a new request.
     */
    public abstract void abandon();

    abstract void start();

    /** A retransmission of the request (§17.2.3 matched it here). */
    abstract void receiveRetransmission(SipRequest request);

    protected void sendResponse(SipResponse r) { send(r, responseTo); }

    /** Sends a kept final response again (a retransmitted request, Timer G). */
    void replay(KeptResponse kept) {
        SipResponse r = kept.response();
        if (r != null) sendResponse(r);
    }
}
