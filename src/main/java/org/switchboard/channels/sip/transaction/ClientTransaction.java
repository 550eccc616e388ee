package org.switchboard.channels.sip.transaction;

import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.transport.Endpoint;

/** A client transaction (RFC 3261 §17.1): sends a request and feeds responses to its TU. */
public abstract class ClientTransaction extends Transaction {
    protected final ClientTransactionUser user;

    ClientTransaction(String key, org.switchboard.channels.sip.message.SipRequest request, Endpoint peer,
                      TransactionContext ctx, ClientTransactionUser user) {
        super(key, request, peer, ctx);
        this.user = user;
    }

    /** Sends the request and starts the timers. */
    abstract void start();

    /** A response matched to this transaction by the layer (§17.1.3). */
    abstract void receiveResponse(SipResponse response);

    protected Runnable deliver(SipResponse r) { return () -> user.onResponse(this, r); }
    protected Runnable timeout() { return () -> user.onTimeout(this); }

    /** Sends the request, reporting a transport failure through {@link #transportFailed}. */
    protected void sendRequest() { send(request(), peer, this::transportFailed); }

    /** §17.1.4: a transport error terminates the transaction and tells the TU. */
    abstract void transportFailed(Throwable cause);

    protected Runnable transportError(Throwable cause) { return () -> user.onTransportError(this, cause); }
}
