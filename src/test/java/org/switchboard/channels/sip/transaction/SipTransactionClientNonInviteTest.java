package org.switchboard.channels.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.channels.sip.transaction.TxFixture.response;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;

class SipTransactionClientNonInviteTest {
    private final TxFixture f = new TxFixture();

    @Test void timerEDoublesUpToT2AndTimerFTimesOut() {
        SipRequest options = TxFixture.request("OPTIONS", TxFixture.branch());
        ClientNonInviteTransaction tx = (ClientNonInviteTransaction) f.layer.sendRequest(options, TxFixture.PEER, f);
        f.timers.advance(31_999);
        // §17.1.2.2: 500, 1000, 2000, 4000, then T2
        assertThat(f.times("OPTIONS")).startsWith(0L, 500L, 1500L, 3500L, 7500L, 11500L, 15500L);
        assertThat(f.timeouts).isEmpty();
        f.timers.advance(1);
        assertThat(f.timeouts).containsExactly(tx);
        assertThat(tx.state()).isEqualTo(ClientNonInviteTransaction.State.TERMINATED);
        assertThat(f.layer.clientCount()).isZero();
    }

    @Test void proceedingRetransmitsEveryT2() {
        SipRequest reg = TxFixture.request("REGISTER", TxFixture.branch());
        f.layer.sendRequest(reg, TxFixture.PEER, f);
        f.timers.advance(100);
        f.layer.onMessage(response(reg, 100), TxFixture.PEER);
        f.timers.advance(400); // E fires at 500 in Proceeding: next interval is T2
        f.timers.advance(8000);
        assertThat(f.times("REGISTER")).containsExactly(0L, 500L, 4500L, 8500L);
    }

    @Test void finalResponseCompletesAndRetransmittedFinalsAreAbsorbedUntilTimerK() {
        SipRequest bye = TxFixture.request("BYE", TxFixture.branch());
        ClientNonInviteTransaction tx = (ClientNonInviteTransaction) f.layer.sendRequest(bye, TxFixture.PEER, f);
        SipResponse ok = response(bye, 200);
        f.layer.onMessage(ok, TxFixture.PEER);
        f.layer.onMessage(ok, TxFixture.PEER);
        assertThat(tx.state()).isEqualTo(ClientNonInviteTransaction.State.COMPLETED);
        assertThat(f.responses).hasSize(1);
        assertThat(f.stray).isEmpty();
        f.timers.advance(4999);
        assertThat(tx.isTerminated()).isFalse();
        f.timers.advance(1); // K = T4
        assertThat(tx.isTerminated()).isTrue();
        assertThat(f.times("BYE")).containsExactly(0L);
        assertThat(f.timeouts).isEmpty();
    }

    @Test void reliableTransportTerminatesAtOnceOnFinal() {
        SipRequest bye = TxFixture.request("BYE", TxFixture.branch(), "TCP", 2);
        ClientNonInviteTransaction tx = (ClientNonInviteTransaction) f.layer.sendRequest(bye, TxFixture.PEER_TCP, f);
        f.timers.advance(10_000);
        assertThat(f.times("BYE")).containsExactly(0L);
        f.layer.onMessage(response(bye, 200), TxFixture.PEER_TCP);
        assertThat(tx.isTerminated()).isTrue();
        assertThat(f.layer.clientCount()).isZero();
    }
}
