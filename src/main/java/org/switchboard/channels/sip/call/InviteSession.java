package org.switchboard.channels.sip.call;

import java.util.concurrent.locks.ReentrantLock;
import org.switchboard.core.PbxLog;

/**
 * The INVITE usage of one call leg as a state machine (RFC 3261 §13-§15, RFC 6026 §8): every
 * event is a method that checks the current {@link InviteState}, moves to the next one and says
 * what the call must send. An event the state does not allow changes nothing: it is answered as
 * the RFC says (481, 491, 500 with Retry-After) or ignored with a DEBUG line. No I/O here; the
 * owning {@link SipCall} sends what each method returns.
 *
 * <p>State is read and written only under the owning call's lock (each method checks that the
 * caller holds it), so a channel thread, the dialog's strand and a timer never see half a step.
 */
public final class InviteSession {
    public enum Role { UAC, UAS }

    /** Why we are in {@link InviteState#TERMINATING}. */
    public enum Ending { NONE, CANCEL_WANTED, CANCEL_SENT, BYE_AFTER_ACK, BYE_SENT }

    /** What our side's hangup must send. */
    public enum Hangup { NOTHING, CANCEL, CANCEL_LATER, REFUSE, BYE, BYE_AFTER_ACK }

    /** What a 2xx to our INVITE means. */
    public enum Success { ANSWER, ACK_AND_BYE, ACK_AGAIN }

    /** What an ACK for our 2xx means. */
    public enum Ack { CONFIRMED, SEND_BYE, IGNORED }

    /** What a BYE from the far end means. */
    public enum Bye { ENDED, ENDED_EARLY, NO_DIALOG }

    static final String LOG = "chan_sip.c";

    private final Role role;
    private final ReentrantLock lock;
    private final String callId;
    private InviteState state;
    private Ending ending = Ending.NONE;

    public InviteSession(Role role, ReentrantLock lock, String callId) {
        this.role = role;
        this.lock = lock;
        this.callId = callId;
        this.state = role == Role.UAC ? InviteState.CALLING : InviteState.INCOMING;
    }

    public Role role() { return role; }

    public InviteState state() {
        held();
        return state;
    }

    public Ending ending() {
        held();
        return ending;
    }

    // ---- UAC (§13.2) ----

    /** A provisional response; true when the call should show it (ringing, progress, early media). */
    public boolean onProvisional(boolean withToTag) {
        held();
        switch (state) {
            case CALLING, PROCEEDING -> state = withToTag ? InviteState.EARLY : InviteState.PROCEEDING;
            case EARLY -> { }
            default -> { return ignored("a provisional response"); }
        }
        return true;
    }

    /** §9.1: the CANCEL we wanted may go now that a provisional came; true once. */
    public boolean cancelNowAllowed() {
        held();
        if (state != InviteState.TERMINATING || ending != Ending.CANCEL_WANTED) return false;
        ending = Ending.CANCEL_SENT;
        return true;
    }

    /** The INVITE went again with credentials (§22.2): a new transaction, so CANCEL waits for its provisional. */
    public void retried() {
        held();
        if (state == InviteState.PROCEEDING || state == InviteState.EARLY) state = InviteState.CALLING;
    }

    /** A 2xx to our INVITE (§13.2.2.4): always ACKed; answered, or ended at once when we gave up meanwhile. */
    public Success onSuccess() {
        held();
        switch (state) {
            case CALLING, PROCEEDING, EARLY -> {
                state = InviteState.CONFIRMED;
                return Success.ANSWER;
            }
            case TERMINATING -> {
                if (ending == Ending.BYE_SENT) return Success.ACK_AGAIN;
                state = InviteState.TERMINATING; // §15: a 200 that crossed our CANCEL: ACK it, then BYE
                ending = Ending.BYE_SENT;
                return Success.ACK_AND_BYE;
            }
            case TERMINATED -> { return Success.ACK_AND_BYE; }
            default -> { return Success.ACK_AGAIN; } // CONFIRMED: a retransmission
        }
    }

    /** A 2xx we accepted but cannot use (no SDP answer we can take): the call ends with a BYE. */
    public void failAfterAnswer() {
        held();
        state = InviteState.TERMINATING;
        ending = Ending.BYE_SENT;
    }

    /** A final refusal, a timeout or a transport error; true when the call should report it. */
    public boolean onFailure() {
        held();
        if (state == InviteState.TERMINATED) return ignored("a failure");
        boolean report = state.isEarly();
        if (!report && state != InviteState.TERMINATING) return ignored("a failure");
        state = InviteState.TERMINATED;
        ending = Ending.NONE;
        return report;
    }

    // ---- UAS (§13.3) ----

    /** A provisional response of ours may go; true when it may. */
    public boolean sendingProvisional() { return fromUnanswered(InviteState.EARLY, "sending a provisional response"); }

    /** Our 2xx to the INVITE: Accepted until its ACK (RFC 6026 §8.1); false when too late. */
    public boolean accept() { return fromUnanswered(InviteState.ACCEPTED, "answering"); }

    /** Our 2xx to a re-INVITE: the dialog waits for its ACK again (§14.2, §13.3.1.4). */
    public void acceptReInvite() {
        held();
        if (state == InviteState.CONFIRMED) state = InviteState.ACCEPTED;
    }

    /** Our refusal of the INVITE (a 4xx-6xx); false when a final response already went. */
    public boolean refuse() { return fromUnanswered(InviteState.TERMINATED, "refusing"); }

    /** §9.2: a CANCEL ends an unanswered INVITE (487); true when it did. */
    public boolean onCancel() { return fromUnanswered(InviteState.TERMINATED, "CANCEL"); }

    /** UAS: a step only an unanswered INVITE (Incoming or Early) allows. */
    private boolean fromUnanswered(InviteState next, String event) {
        held();
        if (state != InviteState.INCOMING && state != InviteState.EARLY) return ignored(event);
        state = next;
        return true;
    }

    /** The ACK for our 2xx (§13.3.1.4). */
    public Ack onAck() { return acknowledged("ACK"); }

    /**
     * 64*T1 without the ACK (§13.3.1.4, RFC 6026 Timer L): the dialog counts as confirmed and the
     * session ends with a BYE. Returns {@link Ack#SEND_BYE} when our held-back BYE goes now,
     * {@link Ack#CONFIRMED} when the call should hang up (and so send its BYE).
     */
    public Ack onAckTimeout() { return acknowledged("Timer L"); }

    private Ack acknowledged(String event) {
        held();
        if (state == InviteState.ACCEPTED) {
            state = InviteState.CONFIRMED;
            return Ack.CONFIRMED;
        }
        if (state == InviteState.TERMINATING && ending == Ending.BYE_AFTER_ACK) {
            ending = Ending.BYE_SENT; // §15: the BYE we held back goes now
            return Ack.SEND_BYE;
        }
        ignored(event);
        return Ack.IGNORED;
    }

    // ---- both ----

    /** Our side hangs up: what goes out depends on where the call stands (§9.1, §15). */
    public Hangup hangUpLocally() {
        held();
        switch (state) {
            case CALLING -> {
                state = InviteState.TERMINATING;
                ending = Ending.CANCEL_WANTED; // §9.1: no CANCEL before a provisional response
                return Hangup.CANCEL_LATER;
            }
            case PROCEEDING -> {
                state = InviteState.TERMINATING;
                ending = Ending.CANCEL_SENT;
                return Hangup.CANCEL;
            }
            case EARLY -> {
                if (role == Role.UAS) {
                    state = InviteState.TERMINATED;
                    return Hangup.REFUSE;
                }
                state = InviteState.TERMINATING;
                ending = Ending.CANCEL_SENT;
                return Hangup.CANCEL;
            }
            case INCOMING -> {
                state = InviteState.TERMINATED;
                return Hangup.REFUSE;
            }
            case ACCEPTED -> {
                state = InviteState.TERMINATING;
                ending = Ending.BYE_AFTER_ACK; // §15: the callee sends no BYE before the ACK
                return Hangup.BYE_AFTER_ACK;
            }
            case CONFIRMED -> {
                state = InviteState.TERMINATING;
                ending = Ending.BYE_SENT;
                return Hangup.BYE;
            }
            default -> { return Hangup.NOTHING; }
        }
    }

    /** Our BYE was answered or timed out: the dialog is gone (§15.1.1). */
    public void byeDone() {
        held();
        if (state == InviteState.TERMINATING && ending == Ending.BYE_SENT) state = InviteState.TERMINATED;
    }

    /** A BYE from the far end (§15.1.2); the caller answers 200, or 481 for {@link Bye#NO_DIALOG}. */
    public Bye onBye() {
        held();
        InviteState was = state;
        switch (was) {
            case INCOMING, EARLY -> {
                state = InviteState.TERMINATED;
                return role == Role.UAS ? Bye.ENDED_EARLY : Bye.ENDED;
            }
            case ACCEPTED, CONFIRMED, TERMINATING -> {
                state = InviteState.TERMINATED; // a BYE before the ACK also ends it (and the 2xx retransmission)
                ending = Ending.NONE;
                return Bye.ENDED;
            }
            default -> {
                ignored("BYE");
                return Bye.NO_DIALOG;
            }
        }
    }

    /**
     * A re-INVITE (§14.2): 0 when it may be handled; 491 while an offer of ours awaits its answer;
     * 500 (with Retry-After) before our final response to the first INVITE; 481 once we are ending.
     */
    public int onReInvite(boolean offerOfOursPending) {
        held();
        switch (state) {
            case CONFIRMED -> { return 0; }
            case ACCEPTED -> { return offerOfOursPending ? 491 : 0; }
            case INCOMING, EARLY -> { return 500; }
            case CALLING, PROCEEDING -> { return 491; } // our INVITE is in progress
            default -> { return 481; }
        }
    }

    /** The far end ended the call otherwise (the stack closing, a failure of ours): nothing more to send. */
    public void terminate() {
        held();
        state = InviteState.TERMINATED;
        ending = Ending.NONE;
    }

    private boolean ignored(String event) {
        PbxLog.debug(LOG, "Call-ID " + callId + ": " + event + " ignored in state " + state
            + (ending == Ending.NONE ? "" : " (" + ending + ")"));
        return false;
    }

    private void held() {
        if (!lock.isHeldByCurrentThread()) throw new IllegalStateException("InviteSession used without its call's lock");
    }

    @Override public String toString() { return role + " " + callId + " " + state; }
}
