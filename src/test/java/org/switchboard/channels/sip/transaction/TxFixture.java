package org.switchboard.channels.sip.transaction;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.channels.sip.message.Headers;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.message.SipMessage;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipResponses;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.channels.sip.message.Via;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.channels.sip.transport.SipSender;

/** A transaction layer on a manual clock with a recording sender and TU. */
final class TxFixture implements SipSender, TransactionUser, ClientTransactionUser {
    static final Endpoint PEER = Endpoint.udp(new InetSocketAddress("192.0.2.10", 5060));
    static final Endpoint PEER_TCP = Endpoint.tcp(new InetSocketAddress("192.0.2.10", 40000));

    record Sent(long at, SipMessage message, Endpoint to) {}

    final ManualSipTimers timers = new ManualSipTimers();
    final TransactionLayer layer = new TransactionLayer(this, timers, TimerSettings.DEFAULT, this);
    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<SipRequest> requests = new CopyOnWriteArrayList<>();
    final List<ServerTransaction> serverTxs = new CopyOnWriteArrayList<>();
    final List<SipResponse> responses = new CopyOnWriteArrayList<>();
    final List<SipResponse> stray = new CopyOnWriteArrayList<>();
    final List<SipRequest> acks = new CopyOnWriteArrayList<>();
    final List<Object> timeouts = new CopyOnWriteArrayList<>();
    final List<Object[]> cancels = new CopyOnWriteArrayList<>();

    @Override public void send(SipMessage message, Endpoint to) { sent.add(new Sent(timers.now(), message, to)); }

    @Override public void onRequest(ServerTransaction tx, SipRequest request) {
        serverTxs.add(tx);
        requests.add(request);
    }

    @Override public void onCancel(ServerTransaction cancelTx, ServerInviteTransaction inviteTx, SipRequest cancel) {
        cancels.add(new Object[] {cancelTx, inviteTx, cancel});
    }

    @Override public void onAck(SipRequest ack, Endpoint source) { acks.add(ack); }
    @Override public void onStrayResponse(SipResponse response, Endpoint source) { stray.add(response); }
    @Override public void onServerTimeout(ServerTransaction tx) { timeouts.add(tx); }
    @Override public void onResponse(ClientTransaction tx, SipResponse response) { responses.add(response); }
    @Override public void onTimeout(ClientTransaction tx) { timeouts.add(tx); }

    /** Send times of messages that are requests of {@code method}, or responses of {@code status} when a number. */
    List<Long> times(String what) {
        List<Long> out = new ArrayList<>();
        for (Sent s : sent) {
            boolean hit = s.message() instanceof SipRequest r ? r.method().equals(what)
                : String.valueOf(((SipResponse) s.message()).status()).equals(what);
            if (hit) out.add(s.at());
        }
        return out;
    }

    SipMessage last() { return sent.get(sent.size() - 1).message(); }

    static SipRequest request(String method, String branch) {
        return request(method, branch, "UDP", 1);
    }

    static SipRequest request(String method, String branch, String transport, long cseq) {
        Headers h = Headers.builder()
            .add("Via", Via.of(transport, "192.0.2.10", 5060, branch).toString())
            .add("Max-Forwards", "70")
            .add("From", "<sip:alice@example.com>;tag=from1")
            .add("To", "<sip:100@pbx.example.com>")
            .add("Call-ID", "call-1@192.0.2.10")
            .add("CSeq", cseq + " " + method)
            .add("Route", "<sip:proxy.example.com;lr>")
            .build();
        return new SipRequest(method, SipUri.parse("sip:100@pbx.example.com"), h, null);
    }

    static SipResponse response(SipRequest r, int status) {
        return SipResponses.create(r, status, status == 100 ? null : "totag");
    }

    static String branch() { return SipIds.branch(); }
}
