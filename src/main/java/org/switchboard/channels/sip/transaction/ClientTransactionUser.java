package org.switchboard.channels.sip.transaction;

import org.switchboard.channels.sip.message.SipResponse;

/**
 * The TU side of one client transaction (RFC 3261 §17.1): given to
 * {@link TransactionLayer#sendRequest}. Called on network or timer threads; do not block.
 */
public interface ClientTransactionUser {

    /** A provisional or final response; retransmissions the transaction absorbs never arrive here. */
    void onResponse(ClientTransaction tx, SipResponse response);

    /** Timer B or F fired: no final response (§17.1.1.2, §17.1.2.2); treat as a 408. */
    void onTimeout(ClientTransaction tx);

    /**
     * The transport could not send the request (§17.1.4, e.g. a refused TCP connection); the
     * transaction is terminated. Treat as a 503 (§8.1.3.1). By default the same as a timeout.
     */
    default void onTransportError(ClientTransaction tx, Throwable cause) { onTimeout(tx); }
}
