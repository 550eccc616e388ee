package org.switchboard.channels.sip.transaction;

import java.util.Locale;
import org.switchboard.channels.sip.message.NameAddr;
import org.switchboard.channels.sip.message.SipMethod;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.Via;

/** The keys by which messages find their transactions (RFC 3261 §17.1.3, §17.2.3). */
final class TransactionKey {
    private TransactionKey() {}

    /** §17.1.3: the branch of the top Via and the CSeq method. */
    static String client(String branch, String method) { return branch + '|' + method; }

    static String client(SipRequest request) { return client(request.topVia().branch(), request.method()); }

    static String client(SipResponse response) { return client(response.topVia().branch(), response.cseq().method()); }

    /**
     * §17.2.3: branch, sent-by and method, with ACK matching its INVITE; and the Call-ID and CSeq
     * number, which a retransmission, its ACK and its CANCEL all repeat: a sender that reuses a
     * branch for a new request (RFC 4475's messages share {@code z9hG4bKkdjuw}) starts a new
     * transaction instead of being answered with another request's response.
     */
    static String server(SipRequest request) {
        return server(request, request.isAck() ? SipMethod.INVITE : request.method());
    }

    /** §9.2: the INVITE transaction a CANCEL targets has the CANCEL's key with method INVITE. */
    static String cancelled(SipRequest cancel) { return server(cancel, SipMethod.INVITE); }

    private static String server(SipRequest r, String method) {
        Via v = r.topVia();
        String sentBy = v.sentBy().toLowerCase(Locale.ROOT);
        if (v.isRfc3261Branch()) return v.branch() + '|' + sentBy + '|' + method + '|' + r.callId() + '|' + r.cseq().seq();
        // §17.2.3 for RFC 2543 peers: Call-ID, From tag, CSeq number, top Via and method
        NameAddr from = r.from();
        return "2543|" + r.callId() + '|' + (from == null ? "" : from.tag()) + '|' + r.cseq().seq() + '|' + sentBy
            + '|' + v.branch() + '|' + method;
    }
}
