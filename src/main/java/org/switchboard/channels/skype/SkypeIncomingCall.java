package org.switchboard.channels.skype;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.StanzaError;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupCause;
import org.switchboard.core.PbxLog;
import org.switchboard.net.xmpp.jingle.Jingle;
import org.switchboard.net.xmpp.jingle.JingleIq;
import org.switchboard.net.xmpp.jingle.Jmi;

/**
 * A call from a buddy to the dialplan, proposed (XEP-0353) or initiated directly (XEP-0166):
 * Ringing() says ringing, Answer() says proceed (then accepts the session-initiate that follows)
 * or accepts the session at once; Busy(), Congestion() and a hangup before the answer refuse it.
 */
final class SkypeIncomingCall extends SkypeCall {
    /** XEP-0353 gives no figure; a device that proceeded and never initiates is gone after this. */
    static final long INITIATE_WAIT_MS = 30_000;

    /** How long Answer() waits for the session to be accepted and media to flow. */
    static final long ANSWER_WAIT_MS = 20_000;

    private Jingle offer;
    private boolean ringingSent;
    /** Completes when media flows or the call ended: Answer() returns then, so what the dialplan plays next is heard. */
    private final java.util.concurrent.CompletableFuture<Void> settled = new java.util.concurrent.CompletableFuture<>();
    private ScheduledFuture<?> initiateTimer;
    private boolean answered;
    private boolean missedChecked;

    SkypeIncomingCall(SkypeModule module, SkypeAccount account, String peerFull, String peerBare, String sid, boolean viaJmi, Jingle offer) {
        super(module, account, peerBare, sid);
        this.peerFull = peerFull;
        this.viaJmi = viaJmi;
        this.offer = offer;
        this.state = viaJmi ? SkypeCallState.PROPOSED : SkypeCallState.PENDING;
    }

    @Override boolean isInbound() { return true; }

    void attach(Channel c) { channel = c; }

    // ---- the dialplan's side ----

    @Override
    public void indicate(Channel c, Frame.Control control) {
        switch (control) {
            case RINGING -> strand.execute(this::ringing);
            case BUSY -> refuseFromDialplan(c, "busy", HangupCause.USER_BUSY);
            case CONGESTION -> refuseFromDialplan(c, "decline", HangupCause.NORMAL_CIRCUIT_CONGESTION);
            default -> super.indicate(c, control); // hold, unhold
        }
    }

    private void refuseFromDialplan(Channel c, String reason, int cause) {
        strand.execute(() -> refuse(reason));
        if (!state.answeredOrLater()) c.softHangup(cause);
    }

    private void ringing() {
        if (ringingSent || state.answeredOrLater() || state == SkypeCallState.ENDED) return;
        ringingSent = true;
        if (viaJmi && state == SkypeCallState.PROPOSED) {
            jingle.sendJmi(peerFull, Jmi.of(Jmi.Kind.RINGING, sid), null);     // XEP-0353 §3.2
        } else if (state == SkypeCallState.PENDING) {
            jingle.send(peerFull, new Jingle(Jingle.Action.SESSION_INFO, sid, null, null, List.of(), null, Jingle.Info.RINGING), r -> { });
        }
    }

    @Override
    public void answer(Channel c) {
        strand.execute(() -> {
            if (state == SkypeCallState.PROPOSED || state == SkypeCallState.RINGING) {
                state = SkypeCallState.PROCEEDING;
                PbxLog.verbose(3, name() + ": proceeding with " + peerFull + "'s proposal");
                jingle.sendJmi(peerFull, Jmi.of(Jmi.Kind.PROCEED, sid), null);   // XEP-0353 §3.3
                initiateTimer = account.pbx().scheduler().schedule(() -> strand.execute(this::initiateNeverCame),
                    INITIATE_WAIT_MS, TimeUnit.MILLISECONDS);
            } else if (state == SkypeCallState.PENDING) {
                accept();
            } else {
                settled.complete(null);
            }
        });
        try (AutoCloseable wake = c.onWake(() -> settled.complete(null))) {
            settled.get(ANSWER_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // the call goes on: media may still come (or the hangup ends it)
        }
    }

    private void initiateNeverCame() {
        if (state != SkypeCallState.PROCEEDING) return;
        PbxLog.notice(SkypeAccount.LOG, name() + ": " + peerFull + " never sent its session-initiate after our proceed");
        terminate("timeout");
        remoteEnded(HangupCause.NO_USER_RESPONSE, "Jingle timeout");
    }

    /** XEP-0166 §6.3: our answer, with the agreed codec and our transport (setup chosen after theirs). */
    private void accept() {
        Jingle.Content c = offer.audio();
        SkypeCodecs.Agreed a = SkypeCodecs.answer(c.description(), account.config().codecs());
        if (!openMedia(false)) {
            terminate("failed-transport");
            remoteEnded(HangupCause.NORMAL_CIRCUIT_CONGESTION, "Jingle failed-transport");
            return;
        }
        startMedia(c.transport(), a);
        state = SkypeCallState.ACCEPTED;
        answered = true;
        Jingle.Content answer = new Jingle.Content(c.creator(), c.name(), SkypeCodecs.answerDescription(c.description(), a), media.local());
        PbxLog.verbose(3, name() + ": session-accept to " + peerFull + " (" + a.codec() + ")");
        jingle.send(peerFull, new Jingle(Jingle.Action.SESSION_ACCEPT, sid, null, account.fullJid(), List.of(answer), null, null), err -> {
            if (err != null) strand.execute(() -> {
                PbxLog.verbose(3, name() + ": " + peerFull + " refused our session-accept (" + err + ")");
                remoteEnded(HangupCause.NORMAL_CIRCUIT_CONGESTION, "Jingle error " + err);
            });
        });
    }

    @Override
    protected void mediaReady() {
        if (state == SkypeCallState.ACCEPTED) state = SkypeCallState.ACTIVE;
        settled.complete(null);
    }

    @Override
    protected void remoteEnded(int cause, String techCause) {
        super.remoteEnded(cause, techCause);
        settled.complete(null);
    }

    // ---- the network's side ----

    @Override
    void onJingle(JingleIq iq) {
        Jingle j = iq.jingle();
        if (j.action() == Jingle.Action.SESSION_INITIATE && state == SkypeCallState.PROCEEDING) {
            cancelTimer();
            String problem = SkypeIncoming.offerProblem(j, account.config().codecs());
            ack(iq);
            if (problem != null) {
                SkypeJingle.remoteNotice(peerBare, name() + ": session-initiate from " + iq.getFrom() + " refused: " + problem);
                terminate(problem);
                remoteEnded(SkypeCauses.fromReason(problem), "Jingle " + problem);
                return;
            }
            offer = j;
            accept();
            return;
        }
        if (j.action() == Jingle.Action.SESSION_ACCEPT) {
            SkypeJingle.remoteNotice(peerBare, name() + ": session-accept from " + iq.getFrom() + " on a call it started");
            jingle.error(iq, StanzaError.Condition.unexpected_request, "out-of-order");
            return;
        }
        onOther(iq);
    }

    @Override
    void onJmi(String from, Jmi jmi) {
        if (jmi.kind() == Jmi.Kind.RETRACT && !state.answeredOrLater() && state != SkypeCallState.ENDED) {
            PbxLog.verbose(3, name() + ": " + from + " retracted the call");
            cancelTimer();
            remoteEnded(HangupCause.NORMAL_CLEARING, "Jingle retract");
        }
    }

    /** Before the answer: reject the proposal, or terminate the session, with this reason. */
    private void refuse(String reason) {
        if (state.answeredOrLater() || state == SkypeCallState.ENDED) return;
        cancelTimer();
        if (viaJmi && (state == SkypeCallState.PROPOSED || state == SkypeCallState.RINGING)) {
            jingle.sendJmi(peerFull, new Jmi(Jmi.Kind.REJECT, sid, null, Jingle.Reason.of(reason)), null);
        } else {
            terminate(reason);
        }
        state = SkypeCallState.ENDED;
        release();
    }

    @Override
    protected void endOnOurSide(int cause) {
        cancelTimer();
        if (state.answeredOrLater()) terminate("success");
        else refuse(SkypeCauses.refusal(cause));
    }

    /** Once, at the end: a call that reached the dialplan and was never answered is a missed call (voicemail.conf skype=). */
    @Override
    protected void release() {
        boolean missed = !missedChecked && !answered && channel != null;
        missedChecked = true;
        super.release();
        SkypeNotices n = module.notices();
        if (missed && n != null) n.missedCall(account, peerBare, startedMillis);
    }

    private void cancelTimer() {
        ScheduledFuture<?> t = initiateTimer;
        if (t != null) t.cancel(false);
        initiateTimer = null;
    }
}
