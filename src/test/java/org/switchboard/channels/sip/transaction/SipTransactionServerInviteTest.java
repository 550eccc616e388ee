package org.switchboard.channels.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.channels.sip.transaction.TxFixture.response;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;

class SipTransactionServerInviteTest {
    private final TxFixture f = new TxFixture();

    private ServerInviteTransaction receive(SipRequest invite) {
        f.layer.onMessage(invite, TxFixture.PEER);
        return (ServerInviteTransaction) f.serverTxs.get(f.serverTxs.size() - 1);
    }

    private static SipRequest ackFor(SipRequest invite) {
        return TxFixture.request("ACK", invite.topVia().branch());
    }

    @Test void trying100IsSentAfter200msWhenTheTuIsSilent() {
        SipRequest invite = TxFixture.request("INVITE", TxFixture.branch());
        receive(invite);
        f.timers.advance(199);
        assertThat(f.sent).isEmpty();
        f.timers.advance(1);
        assertThat(f.times("100")).containsExactly(200L);
        assertThat(((SipResponse) f.last()).to().tag()).isNull();
    }

    @Test void noTryingWhenTheTuAnswersFirst() {
        SipRequest invite = TxFixture.request("INVITE", TxFixture.branch());
        ServerInviteTransaction tx = receive(invite);
        tx.respond(response(invite, 180));
        f.timers.advance(1000);
        assertThat(f.times("100")).isEmpty();
        assertThat(f.times("180")).containsExactly(0L);
    }

    @Test void retransmittedInviteGetsTheLastProvisionalAgain() {
        SipRequest invite = TxFixture.request("INVITE", TxFixture.branch());
        ServerInviteTransaction tx = receive(invite);
        f.layer.onMessage(invite, TxFixture.PEER); // nothing sent yet: nothing to replay
        assertThat(f.sent).isEmpty();
        tx.respond(response(invite, 180));
        f.layer.onMessage(invite, TxFixture.PEER);
        assertThat(f.times("180")).hasSize(2);
        assertThat(f.requests).hasSize(1);
        assertThat(f.layer.serverCount()).isEqualTo(1);
    }

    @Test void timerGRetransmitsTheFinalResponseUntilAck() {
        SipRequest invite = TxFixture.request("INVITE", TxFixture.branch());
        ServerInviteTransaction tx = receive(invite);
        tx.respond(response(invite, 486));
        f.timers.advance(7500);
        // §17.2.1: G = T1, 2T1, ... capped at T2
        assertThat(f.times("486")).containsExactly(0L, 500L, 1500L, 3500L, 7500L);
        f.layer.onMessage(invite, TxFixture.PEER); // a retransmitted INVITE gets the final again
        assertThat(f.times("486")).hasSize(6);
        f.layer.onMessage(ackFor(invite), TxFixture.PEER);
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.CONFIRMED);
        f.layer.onMessage(ackFor(invite), TxFixture.PEER); // absorbed in Confirmed
        assertThat(f.acks).isEmpty();
        f.timers.advance(4999);
        assertThat(f.times("486")).hasSize(6);
        assertThat(tx.isTerminated()).isFalse();
        f.timers.advance(1); // I = T4
        assertThat(tx.isTerminated()).isTrue();
        assertThat(f.layer.serverCount()).isZero();
        assertThat(f.timeouts).isEmpty();
    }

    @Test void timerHTimesOutWithoutAck() {
        SipRequest invite = TxFixture.request("INVITE", TxFixture.branch());
        ServerInviteTransaction tx = receive(invite);
        f.timers.advance(1000);
        tx.respond(response(invite, 603));
        f.timers.advance(31_999);
        assertThat(f.timeouts).isEmpty();
        f.timers.advance(1);
        assertThat(f.timeouts).containsExactly(tx);
        assertThat(tx.isTerminated()).isTrue();
        assertThat(f.times("603")).startsWith(1000L, 1500L, 2500L, 4500L, 8500L, 12500L);
    }

    /** RFC 6026 §7.1: a 2xx moves the transaction to Accepted for Timer L (64*T1), then Terminated. */
    @Test void successIsAcceptedUntilTimerLAndItsAckGoesToTheTu() {
        SipRequest invite = TxFixture.request("INVITE", TxFixture.branch());
        ServerInviteTransaction tx = receive(invite);
        assertThat(tx.respond(response(invite, 200))).isTrue();
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.ACCEPTED);
        assertThat(tx.request()).as("Timer L keeps the 2xx, not the parsed INVITE").isNull();
        assertThat(tx.respond(response(invite, 486))).isFalse();
        SipRequest ack = TxFixture.request("ACK", TxFixture.branch()); // §13.2.2.4: a new branch
        f.layer.onMessage(ack, TxFixture.PEER);
        assertThat(f.acks).containsExactly(ack);
        f.timers.advance(31_999);
        assertThat(tx.isTerminated()).isFalse();
        f.timers.advance(1);
        assertThat(tx.isTerminated()).isTrue();
        f.timers.advance(64_000);
        assertThat(f.times("200")).as("the transaction never retransmits a 2xx on its own").hasSize(1);
        assertThat(f.layer.serverCount()).isZero();
    }

    /** Once the TU has the ACK, Accepted lasts T4 more (the longest an earlier INVITE retransmission can travel), not all of Timer L. */
    @Test void theTusAckCutsAcceptedToT4() {
        SipRequest invite = TxFixture.request("INVITE", TxFixture.branch());
        ServerInviteTransaction tx = receive(invite);
        tx.respond(response(invite, 200));
        f.timers.advance(1000);
        tx.acknowledged();
        f.timers.advance(4999);
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.ACCEPTED);
        f.layer.onMessage(invite, TxFixture.PEER);
        assertThat(f.requests).as("still absorbed").hasSize(1);
        f.timers.advance(1);
        assertThat(tx.isTerminated()).isTrue();
        assertThat(f.layer.serverCount()).isZero();
    }

    /** RFC 6026 §7.1: in Accepted the TU's 2xx goes out again, a retransmitted INVITE hears it, an ACK on the INVITE's branch reaches the TU. */
    @Test void acceptedPassesRetransmissionsAndTheAckOnTheSameBranch() {
        String branch = TxFixture.branch();
        SipRequest invite = TxFixture.request("INVITE", branch);
        ServerInviteTransaction tx = receive(invite);
        tx.respond(response(invite, 200));
        f.timers.advance(500);
        assertThat(tx.respond(response(invite, 200))).as("the TU's retransmission").isTrue();
        f.layer.onMessage(invite, TxFixture.PEER); // the caller lost our 2xx and sends the INVITE again
        assertThat(f.times("200")).containsExactly(0L, 500L, 500L);
        assertThat(f.requests).as("no second INVITE for the TU").hasSize(1);
        SipRequest ack = TxFixture.request("ACK", branch);
        f.layer.onMessage(ack, TxFixture.PEER);
        assertThat(f.acks).containsExactly(ack);
    }

    @Test void reliableTransportSkipsTimerG() {
        SipRequest invite = TxFixture.request("INVITE", TxFixture.branch(), "TCP", 1);
        f.layer.onMessage(invite, TxFixture.PEER_TCP);
        ServerTransaction tx = f.serverTxs.get(0);
        assertThat(tx.responseDestination()).isEqualTo(TxFixture.PEER_TCP);
        tx.respond(response(invite, 486));
        f.timers.advance(10_000);
        assertThat(f.times("486")).containsExactly(0L);
        f.layer.onMessage(TxFixture.request("ACK", invite.topVia().branch(), "TCP", 1), TxFixture.PEER_TCP);
        assertThat(tx.isTerminated()).isTrue();
    }
}
