package org.switchboard.channels.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.channels.sip.transaction.TxFixture.response;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;

class SipTransactionClientInviteTest {
    private final TxFixture f = new TxFixture();

    @Test void inviteIsRetransmittedOnTimerAUntilTimerBTimesOut() {
        SipRequest invite = TxFixture.request("INVITE", TxFixture.branch());
        ClientInviteTransaction tx = (ClientInviteTransaction) f.layer.sendRequest(invite, TxFixture.PEER, f);
        f.timers.advance(31_999);
        // §17.1.1.2: A = T1, 2T1, 4T1, ... until B = 64*T1
        assertThat(f.times("INVITE")).containsExactly(0L, 500L, 1500L, 3500L, 7500L, 15500L, 31500L);
        assertThat(f.timeouts).isEmpty();
        f.timers.advance(1);
        assertThat(f.timeouts).containsExactly(tx);
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.TERMINATED);
        assertThat(f.layer.clientCount()).isZero();
        f.timers.advance(100_000);
        assertThat(f.times("INVITE")).hasSize(7);
    }

    @Test void reliableTransportSkipsTimerAButKeepsTimerB() {
        SipRequest invite = TxFixture.request("INVITE", TxFixture.branch(), "TCP", 1);
        f.layer.sendRequest(invite, TxFixture.PEER_TCP, f);
        f.timers.advance(32_000);
        assertThat(f.times("INVITE")).containsExactly(0L);
        assertThat(f.timeouts).hasSize(1);
    }

    @Test void provisionalStopsRetransmissionsAndTimerB() {
        SipRequest invite = TxFixture.request("INVITE", TxFixture.branch());
        ClientInviteTransaction tx = (ClientInviteTransaction) f.layer.sendRequest(invite, TxFixture.PEER, f);
        f.timers.advance(500);
        f.layer.onMessage(response(invite, 180), TxFixture.PEER);
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.PROCEEDING);
        f.timers.advance(60_000);
        assertThat(f.times("INVITE")).containsExactly(0L, 500L);
        assertThat(f.timeouts).isEmpty();
        assertThat(f.responses).extracting(SipResponse::status).containsExactly(180);
    }

    @Test void nonSuccessFinalIsAckedAndRetransmissionsAbsorbedUntilTimerD() {
        SipRequest invite = TxFixture.request("INVITE", TxFixture.branch());
        ClientInviteTransaction tx = (ClientInviteTransaction) f.layer.sendRequest(invite, TxFixture.PEER, f);
        SipResponse busy = response(invite, 486);
        f.layer.onMessage(busy, TxFixture.PEER);
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.COMPLETED);
        SipRequest ack = (SipRequest) f.last();
        // §17.1.1.3: same Request-URI, top Via, From, Call-ID, CSeq number, Route; To from the response
        assertThat(ack.method()).isEqualTo("ACK");
        assertThat(ack.uri()).isEqualTo(invite.uri());
        assertThat(ack.topVia().branch()).isEqualTo(invite.topVia().branch());
        assertThat(ack.vias()).hasSize(1);
        assertThat(ack.cseq().seq()).isEqualTo(1);
        assertThat(ack.cseq().method()).isEqualTo("ACK");
        assertThat(ack.to().tag()).isEqualTo("totag");
        assertThat(ack.from().tag()).isEqualTo("from1");
        assertThat(ack.callId()).isEqualTo(invite.callId());
        assertThat(ack.routes()).hasSize(1);
        f.layer.onMessage(busy, TxFixture.PEER);
        f.layer.onMessage(busy, TxFixture.PEER);
        assertThat(f.times("ACK")).hasSize(3);
        assertThat(f.responses).extracting(SipResponse::status).containsExactly(486);
        f.timers.advance(31_999);
        assertThat(tx.isTerminated()).isFalse();
        f.timers.advance(1);
        assertThat(tx.isTerminated()).isTrue();
        assertThat(f.layer.clientCount()).isZero();
        assertThat(f.times("INVITE")).containsExactly(0L);
    }

    @Test void successTerminatesAndLeavesTheAckToTheTu() {
        SipRequest invite = TxFixture.request("INVITE", TxFixture.branch());
        ClientInviteTransaction tx = (ClientInviteTransaction) f.layer.sendRequest(invite, TxFixture.PEER, f);
        f.layer.onMessage(response(invite, 100), TxFixture.PEER);
        SipResponse ok = response(invite, 200);
        f.layer.onMessage(ok, TxFixture.PEER);
        assertThat(tx.isTerminated()).isTrue();
        assertThat(f.times("ACK")).isEmpty();
        assertThat(f.responses).extracting(SipResponse::status).containsExactly(100, 200);
        f.layer.onMessage(ok, TxFixture.PEER); // §17.1.1.2: retransmitted 2xx goes to the TU directly
        assertThat(f.stray).containsExactly(ok);
    }

    @Test void cancelRequestFollowsSection9() {
        SipRequest invite = TxFixture.request("INVITE", TxFixture.branch());
        ClientInviteTransaction tx = (ClientInviteTransaction) f.layer.sendRequest(invite, TxFixture.PEER, f);
        SipRequest cancel = tx.cancelRequest();
        assertThat(cancel.method()).isEqualTo("CANCEL");
        assertThat(cancel.topVia().branch()).isEqualTo(invite.topVia().branch());
        assertThat(cancel.cseq().toString()).isEqualTo("1 CANCEL");
        ClientTransaction ctx = f.layer.sendRequest(cancel, TxFixture.PEER, f);
        assertThat(ctx).isInstanceOf(ClientNonInviteTransaction.class);
        assertThat(f.layer.clientCount()).isEqualTo(2);
        f.layer.onMessage(response(cancel, 200), TxFixture.PEER);
        f.layer.onMessage(response(invite, 487), TxFixture.PEER);
        assertThat(f.responses).extracting(r -> r.status() + " " + r.cseq().method())
            .containsExactly("200 CANCEL", "487 INVITE");
    }
}
