package org.switchboard.channels.sip.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.call.InviteSession.Ack;
import org.switchboard.channels.sip.call.InviteSession.Bye;
import org.switchboard.channels.sip.call.InviteSession.Ending;
import org.switchboard.channels.sip.call.InviteSession.Hangup;
import org.switchboard.channels.sip.call.InviteSession.Role;
import org.switchboard.channels.sip.call.InviteSession.Success;

/**
 * Each state of a call leg's INVITE usage (RFC 3261 §13-§15, RFC 6026 §8) with the events it
 * allows and the ones it refuses: a refused event leaves the state as it was.
 */
class InviteSessionTest {
    private final ReentrantLock lock = new ReentrantLock();

    InviteSessionTest() { lock.lock(); }

    @AfterEach void unlock() { while (lock.isHeldByCurrentThread()) lock.unlock(); }

    private InviteSession uac() { return new InviteSession(Role.UAC, lock, "c1"); }
    private InviteSession uas() { return new InviteSession(Role.UAS, lock, "c1"); }

    private InviteSession uasIn(InviteState s) {
        InviteSession x = uas();
        switch (s) {
            case INCOMING -> { }
            case EARLY -> x.sendingProvisional();
            case ACCEPTED -> x.accept();
            case CONFIRMED -> { x.accept(); x.onAck(); }
            case TERMINATING -> { x.accept(); x.hangUpLocally(); }
            case TERMINATED -> x.refuse();
            default -> throw new IllegalArgumentException(s.name());
        }
        assertThat(x.state()).isEqualTo(s);
        return x;
    }

    private InviteSession uacIn(InviteState s) {
        InviteSession x = uac();
        switch (s) {
            case CALLING -> { }
            case PROCEEDING -> x.onProvisional(false);
            case EARLY -> x.onProvisional(true);
            case CONFIRMED -> x.onSuccess();
            case TERMINATING -> { x.onProvisional(false); x.hangUpLocally(); }
            case TERMINATED -> x.onFailure();
            default -> throw new IllegalArgumentException(s.name());
        }
        assertThat(x.state()).isEqualTo(s);
        return x;
    }

    // ---- UAC ----

    @Test void uacWalksCallingProceedingEarlyConfirmedTerminatingTerminated() {
        InviteSession s = uac();
        assertThat(s.state()).isEqualTo(InviteState.CALLING);
        assertThat(s.onProvisional(false)).isTrue();
        assertThat(s.state()).isEqualTo(InviteState.PROCEEDING);
        assertThat(s.onProvisional(true)).isTrue();
        assertThat(s.state()).isEqualTo(InviteState.EARLY);
        assertThat(s.onProvisional(false)).as("early stays early").isTrue();
        assertThat(s.state()).isEqualTo(InviteState.EARLY);
        assertThat(s.onSuccess()).isEqualTo(Success.ANSWER);
        assertThat(s.state()).isEqualTo(InviteState.CONFIRMED);
        assertThat(s.onSuccess()).as("a retransmitted 2xx").isEqualTo(Success.ACK_AGAIN);
        assertThat(s.hangUpLocally()).isEqualTo(Hangup.BYE);
        assertThat(s.state()).isEqualTo(InviteState.TERMINATING);
        s.byeDone();
        assertThat(s.state()).isEqualTo(InviteState.TERMINATED);
        assertThat(s.hangUpLocally()).isEqualTo(Hangup.NOTHING);
    }

    @Test void uacHangupBeforeAnyProvisionalWaitsToCancel() {
        InviteSession s = uacIn(InviteState.CALLING);
        assertThat(s.cancelNowAllowed()).as("nothing to cancel yet").isFalse();
        assertThat(s.hangUpLocally()).isEqualTo(Hangup.CANCEL_LATER); // §9.1
        assertThat(s.ending()).isEqualTo(Ending.CANCEL_WANTED);
        assertThat(s.cancelNowAllowed()).isTrue();
        assertThat(s.cancelNowAllowed()).as("one CANCEL").isFalse();
        assertThat(s.onProvisional(true)).as("no ringing shown after we hung up").isFalse();
        assertThat(s.onFailure()).as("the 487 ends it quietly").isFalse();
        assertThat(s.state()).isEqualTo(InviteState.TERMINATED);
    }

    @Test void uacCancelsAtOnceAfterAProvisional() {
        assertThat(uacIn(InviteState.PROCEEDING).hangUpLocally()).isEqualTo(Hangup.CANCEL);
        assertThat(uacIn(InviteState.EARLY).hangUpLocally()).isEqualTo(Hangup.CANCEL);
    }

    @Test void uacA200ThatCrossesOurCancelIsAckedThenEndedWithABye() {
        InviteSession s = uacIn(InviteState.TERMINATING);
        assertThat(s.ending()).isEqualTo(Ending.CANCEL_SENT);
        assertThat(s.onSuccess()).isEqualTo(Success.ACK_AND_BYE);
        assertThat(s.ending()).isEqualTo(Ending.BYE_SENT);
        assertThat(s.onSuccess()).as("its retransmission is only ACKed").isEqualTo(Success.ACK_AGAIN);
        s.byeDone();
        assertThat(s.state()).isEqualTo(InviteState.TERMINATED);
        assertThat(s.onSuccess()).as("a 2xx after the end: ACK and BYE that dialog").isEqualTo(Success.ACK_AND_BYE);
    }

    @Test void uacFailureIsReportedOnlyBeforeAnAnswer() {
        assertThat(uacIn(InviteState.CALLING).onFailure()).isTrue();
        assertThat(uacIn(InviteState.EARLY).onFailure()).isTrue();
        InviteSession confirmed = uacIn(InviteState.CONFIRMED);
        assertThat(confirmed.onFailure()).isFalse();
        assertThat(confirmed.state()).isEqualTo(InviteState.CONFIRMED);
        assertThat(uacIn(InviteState.TERMINATED).onFailure()).isFalse();
    }

    @Test void uacChallengeRetryWaitsForANewProvisionalBeforeCancel() {
        InviteSession s = uacIn(InviteState.EARLY);
        s.retried();
        assertThat(s.state()).isEqualTo(InviteState.CALLING);
        assertThat(s.hangUpLocally()).isEqualTo(Hangup.CANCEL_LATER);
    }

    @Test void uacReInviteWhileOurInviteIsInProgressIs491() {
        assertThat(uacIn(InviteState.PROCEEDING).onReInvite(false)).isEqualTo(491);
        assertThat(uacIn(InviteState.CONFIRMED).onReInvite(false)).isZero();
    }

    // ---- UAS ----

    @Test void uasWalksIncomingEarlyAcceptedConfirmedTerminatingTerminated() {
        InviteSession s = uas();
        assertThat(s.state()).isEqualTo(InviteState.INCOMING);
        assertThat(s.sendingProvisional()).isTrue();
        assertThat(s.state()).isEqualTo(InviteState.EARLY);
        assertThat(s.accept()).isTrue();
        assertThat(s.state()).isEqualTo(InviteState.ACCEPTED);
        assertThat(s.onAck()).isEqualTo(Ack.CONFIRMED);
        assertThat(s.state()).isEqualTo(InviteState.CONFIRMED);
        assertThat(s.onAck()).as("a retransmitted ACK").isEqualTo(Ack.IGNORED);
        assertThat(s.hangUpLocally()).isEqualTo(Hangup.BYE);
        assertThat(s.state()).isEqualTo(InviteState.TERMINATING);
        s.byeDone();
        assertThat(s.state()).isEqualTo(InviteState.TERMINATED);
    }

    @Test void uasIncomingAllowsAnswerRefusalCancelAndProvisionals() {
        assertThat(uasIn(InviteState.INCOMING).accept()).isTrue();
        assertThat(uasIn(InviteState.INCOMING).refuse()).isTrue();
        assertThat(uasIn(InviteState.INCOMING).onCancel()).isTrue();
        assertThat(uasIn(InviteState.INCOMING).sendingProvisional()).isTrue();
        assertThat(uasIn(InviteState.INCOMING).hangUpLocally()).isEqualTo(Hangup.REFUSE);
        assertThat(uasIn(InviteState.INCOMING).onAck()).isEqualTo(Ack.IGNORED);
        assertThat(uasIn(InviteState.INCOMING).onReInvite(false)).as("§14.2: before our final response").isEqualTo(500);
    }

    @Test void uasEarlyByeEndsTheInviteToo() {
        InviteSession s = uasIn(InviteState.EARLY);
        assertThat(s.onBye()).isEqualTo(Bye.ENDED_EARLY);
        assertThat(s.state()).isEqualTo(InviteState.TERMINATED);
        assertThat(s.onBye()).isEqualTo(Bye.NO_DIALOG);
    }

    @Test void uasAcceptedRefusesALateRefusalCancelAndSecondAnswer() {
        InviteSession s = uasIn(InviteState.ACCEPTED);
        assertThat(s.refuse()).isFalse();
        assertThat(s.onCancel()).as("§9.2: a CANCEL after the 2xx changes nothing").isFalse();
        assertThat(s.accept()).isFalse();
        assertThat(s.sendingProvisional()).isFalse();
        assertThat(s.state()).isEqualTo(InviteState.ACCEPTED);
    }

    @Test void uasHangupWhileAcceptedHoldsTheByeUntilTheAck() {
        InviteSession s = uasIn(InviteState.ACCEPTED);
        assertThat(s.hangUpLocally()).isEqualTo(Hangup.BYE_AFTER_ACK); // §15
        assertThat(s.ending()).isEqualTo(Ending.BYE_AFTER_ACK);
        assertThat(s.onAck()).isEqualTo(Ack.SEND_BYE);
        assertThat(s.ending()).isEqualTo(Ending.BYE_SENT);
        assertThat(s.onAck()).isEqualTo(Ack.IGNORED);
    }

    @Test void uasNoAckWithinTimerLConfirmsAndEnds() {
        InviteSession s = uasIn(InviteState.ACCEPTED);
        assertThat(s.onAckTimeout()).isEqualTo(Ack.CONFIRMED);
        assertThat(s.state()).isEqualTo(InviteState.CONFIRMED);
        InviteSession held = uasIn(InviteState.TERMINATING);
        assertThat(held.onAckTimeout()).as("the held BYE goes anyway").isEqualTo(Ack.SEND_BYE);
        assertThat(uasIn(InviteState.CONFIRMED).onAckTimeout()).isEqualTo(Ack.IGNORED);
    }

    @Test void uasByeBeforeTheAckEndsTheSession() {
        InviteSession s = uasIn(InviteState.ACCEPTED);
        assertThat(s.onBye()).isEqualTo(Bye.ENDED);
        assertThat(s.state()).isEqualTo(InviteState.TERMINATED);
        assertThat(s.onAck()).as("the late ACK").isEqualTo(Ack.IGNORED);
    }

    @Test void reInviteRules() {
        assertThat(uasIn(InviteState.CONFIRMED).onReInvite(false)).isZero();
        assertThat(uasIn(InviteState.ACCEPTED).onReInvite(true)).as("§14.2: our offer awaits its answer").isEqualTo(491);
        assertThat(uasIn(InviteState.ACCEPTED).onReInvite(false)).isZero();
        assertThat(uasIn(InviteState.EARLY).onReInvite(false)).isEqualTo(500);
        assertThat(uasIn(InviteState.TERMINATING).onReInvite(false)).isEqualTo(481);
        assertThat(uasIn(InviteState.TERMINATED).onReInvite(false)).isEqualTo(481);
        InviteSession s = uasIn(InviteState.CONFIRMED);
        s.acceptReInvite();
        assertThat(s.state()).as("a re-INVITE's 2xx waits for its ACK too").isEqualTo(InviteState.ACCEPTED);
        assertThat(s.onReInvite(true)).isEqualTo(491);
        assertThat(s.onAck()).isEqualTo(Ack.CONFIRMED);
    }

    @Test void terminatedAllowsNothing() {
        InviteSession s = uasIn(InviteState.TERMINATED);
        assertThat(s.accept()).isFalse();
        assertThat(s.refuse()).isFalse();
        assertThat(s.onCancel()).isFalse();
        assertThat(s.sendingProvisional()).isFalse();
        assertThat(s.onAck()).isEqualTo(Ack.IGNORED);
        assertThat(s.onBye()).isEqualTo(Bye.NO_DIALOG);
        assertThat(s.hangUpLocally()).isEqualTo(Hangup.NOTHING);
        assertThat(s.state()).isEqualTo(InviteState.TERMINATED);
    }

    @Test void everyStepNeedsTheCallsLock() {
        InviteSession s = uas();
        lock.unlock();
        assertThatThrownBy(s::accept).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::state).isInstanceOf(IllegalStateException.class);
    }
}
