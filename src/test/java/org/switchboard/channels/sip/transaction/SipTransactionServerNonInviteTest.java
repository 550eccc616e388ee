package org.switchboard.channels.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.channels.sip.transaction.TxFixture.response;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.message.SipRequest;

class SipTransactionServerNonInviteTest {
    private final TxFixture f = new TxFixture();

    @Test void retransmissionsAreAbsorbedThenAnsweredWithTheFinalResponse() {
        SipRequest reg = TxFixture.request("REGISTER", TxFixture.branch());
        f.layer.onMessage(reg, TxFixture.PEER);
        f.layer.onMessage(reg, TxFixture.PEER); // Trying: absorbed
        assertThat(f.requests).hasSize(1);
        assertThat(f.sent).isEmpty();
        ServerNonInviteTransaction tx = (ServerNonInviteTransaction) f.serverTxs.get(0);
        tx.respond(response(reg, 401));
        assertThat(tx.state()).isEqualTo(ServerNonInviteTransaction.State.COMPLETED);
        assertThat(tx.request()).isNull(); // Timer J keeps only the response to replay, not the parsed request
        f.layer.onMessage(reg, TxFixture.PEER);
        f.layer.onMessage(reg, TxFixture.PEER);
        assertThat(f.times("401")).hasSize(3);
        assertThat(tx.respond(response(reg, 200))).isFalse();
        f.timers.advance(31_999);
        assertThat(tx.isTerminated()).isFalse();
        f.timers.advance(1); // J = 64*T1
        assertThat(tx.isTerminated()).isTrue();
        assertThat(f.layer.serverCount()).isZero();
        f.layer.onMessage(reg, TxFixture.PEER); // after J: a new transaction
        assertThat(f.requests).hasSize(2);
    }

    @Test void proceedingReplaysTheProvisional() {
        SipRequest msg = TxFixture.request("MESSAGE", TxFixture.branch());
        f.layer.onMessage(msg, TxFixture.PEER);
        ServerTransaction tx = f.serverTxs.get(0);
        tx.respond(response(msg, 100));
        f.layer.onMessage(msg, TxFixture.PEER);
        assertThat(f.times("100")).hasSize(2);
        tx.respond(response(msg, 202));
        assertThat(f.times("202")).hasSize(1);
    }

    @Test void reliableTransportTerminatesOnFinal() {
        SipRequest opt = TxFixture.request("OPTIONS", TxFixture.branch(), "TCP", 1);
        f.layer.onMessage(opt, TxFixture.PEER_TCP);
        ServerTransaction tx = f.serverTxs.get(0);
        tx.respond(200, "t");
        assertThat(tx.isTerminated()).isTrue();
        assertThat(f.sent.get(0).to()).isEqualTo(TxFixture.PEER_TCP);
    }
}
