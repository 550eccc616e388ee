package org.switchboard.channels.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.channels.sip.transaction.TxFixture.response;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.Via;
import org.switchboard.channels.sip.transport.Endpoint;

class SipTransactionLayerTest {
    private final TxFixture f = new TxFixture();

    @Test void cancelIsMatchedToItsInvite() {
        String branch = TxFixture.branch();
        SipRequest invite = TxFixture.request("INVITE", branch);
        f.layer.onMessage(invite, TxFixture.PEER);
        SipRequest cancel = TxFixture.request("CANCEL", branch);
        f.layer.onMessage(cancel, TxFixture.PEER);
        assertThat(f.cancels).hasSize(1);
        assertThat(f.cancels.get(0)[1]).isSameAs(f.serverTxs.get(0));
        assertThat(f.requests).containsExactly(invite);
        ServerTransaction cancelTx = (ServerTransaction) f.cancels.get(0)[0];
        cancelTx.respond(200, null);
        ((ServerInviteTransaction) f.cancels.get(0)[1]).respond(487, "t1");
        assertThat(f.sent).extracting(s -> ((SipResponse) s.message()).status() + " " + ((SipResponse) s.message()).cseq().method())
            .containsExactly("200 CANCEL", "487 INVITE");
        assertThat(f.layer.serverCount()).isEqualTo(2);
    }

    @Test void cancelWithoutInviteGets481() {
        f.layer.onMessage(TxFixture.request("CANCEL", TxFixture.branch()), TxFixture.PEER);
        assertThat(f.cancels).isEmpty();
        assertThat(f.times("481")).hasSize(1);
    }

    @Test void otherBranchOrMethodMakesANewTransaction() {
        String branch = TxFixture.branch();
        f.layer.onMessage(TxFixture.request("OPTIONS", branch), TxFixture.PEER);
        f.layer.onMessage(TxFixture.request("OPTIONS", TxFixture.branch()), TxFixture.PEER);
        f.layer.onMessage(TxFixture.request("INFO", branch), TxFixture.PEER);
        assertThat(f.requests).hasSize(3);
        assertThat(f.layer.serverCount()).isEqualTo(3);
    }

    @Test void sameBranchFromAnotherSentByIsANewTransaction() {
        String branch = TxFixture.branch();
        SipRequest a = TxFixture.request("OPTIONS", branch);
        Via other = Via.of("UDP", "192.0.2.99", 5060, branch);
        SipRequest b = a.withHeaders(a.headers().toBuilder().set(HeaderNames.VIA, other.toString()).build());
        f.layer.onMessage(a, TxFixture.PEER);
        f.layer.onMessage(b, Endpoint.udp(new InetSocketAddress("192.0.2.99", 5060)));
        assertThat(f.requests).hasSize(2);
    }

    @Test void aBranchReusedForAnotherRequestIsANewTransactionNotARetransmission() { // RFC 4475 cparam01, cparam02
        String branch = TxFixture.branch();
        SipRequest a = TxFixture.request("OPTIONS", branch);
        SipRequest b = a.withHeaders(a.headers().toBuilder().set(HeaderNames.CALL_ID, "another-call").build());
        SipRequest c = a.withHeaders(a.headers().toBuilder().set(HeaderNames.CSEQ, "99 OPTIONS").build());
        f.layer.onMessage(a, TxFixture.PEER);
        f.layer.onMessage(a, TxFixture.PEER); // a retransmission is absorbed
        f.layer.onMessage(b, TxFixture.PEER);
        f.layer.onMessage(c, TxFixture.PEER);
        assertThat(f.requests).containsExactly(a, b, c);
    }

    @Test void responsesWithWrongBranchOrMethodAreStray() {
        SipRequest invite = TxFixture.request("INVITE", TxFixture.branch());
        f.layer.sendRequest(invite, TxFixture.PEER, f);
        SipResponse wrongBranch = response(TxFixture.request("INVITE", TxFixture.branch()), 180);
        SipResponse wrongMethod = response(TxFixture.request("CANCEL", invite.topVia().branch()), 200);
        f.layer.onMessage(wrongBranch, TxFixture.PEER);
        f.layer.onMessage(wrongMethod, TxFixture.PEER);
        assertThat(f.stray).containsExactly(wrongBranch, wrongMethod);
        assertThat(f.responses).isEmpty();
    }

    @Test void responsesGoToReceivedAndRport() {
        SipRequest r = TxFixture.request("OPTIONS", TxFixture.branch());
        Via stamped = r.topVia().received("203.0.113.7", 40123);
        SipRequest natted = r.withHeaders(r.headers().toBuilder().set(HeaderNames.VIA, stamped.toString()).build());
        Endpoint source = Endpoint.udp(new InetSocketAddress("203.0.113.7", 40123));
        f.layer.onMessage(natted, source);
        f.serverTxs.get(0).respond(200, "x");
        assertThat(f.sent.get(0).to()).isEqualTo(source);
    }

    @Test void aTuThatThrowsAnswers500() {
        TransactionLayer layer = new TransactionLayer(f, f.timers, TimerSettings.DEFAULT, new TransactionUser() {
            @Override public void onRequest(ServerTransaction tx, SipRequest request) { throw new IllegalStateException("bug"); }
            @Override public void onCancel(ServerTransaction c, ServerInviteTransaction i, SipRequest r) {}
        });
        layer.onMessage(TxFixture.request("OPTIONS", TxFixture.branch()), TxFixture.PEER);
        assertThat(f.times("500")).hasSize(1);
    }

    @Test void rfc2543RequestsWithoutMagicCookieStillMatch() {
        SipRequest old = TxFixture.request("INVITE", "oldbranch");
        f.layer.onMessage(old, TxFixture.PEER);
        ServerInviteTransaction tx = (ServerInviteTransaction) f.serverTxs.get(0);
        tx.respond(response(old, 486));
        f.layer.onMessage(TxFixture.request("ACK", "oldbranch"), TxFixture.PEER);
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.CONFIRMED);
    }
}
