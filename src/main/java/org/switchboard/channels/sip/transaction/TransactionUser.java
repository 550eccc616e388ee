package org.switchboard.channels.sip.transaction;

import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.transport.Endpoint;

/**
 * The transaction user above the server side of the {@link TransactionLayer} (RFC 3261 §17.2):
 * the UAS core, dialogs, the registrar. Called on network or timer threads: hand long work to a
 * virtual thread and answer through {@link ServerTransaction#respond}.
 */
public interface TransactionUser {

    /**
     * A new request (not a retransmission, not ACK, not a CANCEL) with its fresh server
     * transaction. The TU answers it with {@code tx.respond(...)}; for an INVITE the transaction
     * sends 100 Trying itself if nothing was sent within 200 ms (§17.2.1).
     */
    void onRequest(ServerTransaction tx, SipRequest request);

    /**
     * A CANCEL matching a live INVITE server transaction (§9.2). The TU answers the CANCEL with
     * 200 on {@code cancelTx} and, if the INVITE is still unanswered, the INVITE with 487 on
     * {@code inviteTx}. A CANCEL that matches nothing is answered 481 by the layer and never
     * arrives here.
     */
    void onCancel(ServerTransaction cancelTx, ServerInviteTransaction inviteTx, SipRequest cancel);

    /**
     * An ACK that matches no server transaction: the ACK for a 2xx, which belongs to the dialog
     * (§13.3.1.4, §17.2.3), or a stray one.
     */
    default void onAck(SipRequest ack, Endpoint source) {}

    /**
     * A response that matches no client transaction: retransmissions of a 2xx to INVITE after the
     * transaction ended (§17.1.1.2), for the dialog to ACK again; otherwise to be dropped (§18.1.2).
     */
    default void onStrayResponse(SipResponse response, Endpoint source) {}

    /** Timer H fired: the final non-2xx response was never acknowledged (§17.2.1). */
    default void onServerTimeout(ServerTransaction tx) {}
}
