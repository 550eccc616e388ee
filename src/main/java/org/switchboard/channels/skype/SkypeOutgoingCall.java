package org.switchboard.channels.skype;

import java.util.List;
import org.jivesoftware.smack.packet.StanzaError;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupCause;
import org.switchboard.core.PbxLog;
import org.switchboard.net.xmpp.jingle.Jingle;
import org.switchboard.net.xmpp.jingle.JingleIq;
import org.switchboard.net.xmpp.jingle.Jmi;

/**
 * A call from the dialplan to a buddy: a JMI propose to the bare JID so every device rings
 * (XEP-0353 §3.1), or a session-initiate straight to a device that speaks Jingle RTP audio but
 * not JMI; ringing, proceed and reject as the caller's call progress; the answer once ICE and
 * DTLS completed; retract or session-terminate when our side gives up first.
 */
final class SkypeOutgoingCall extends SkypeCall {
    private volatile Channel requestor;
    private boolean ringingShown;

    SkypeOutgoingCall(SkypeModule module, SkypeAccount account, String peerBare, String sid) {
        super(module, account, peerBare, sid);
    }

    @Override boolean isInbound() { return false; }

    void attach(Channel c, Channel requestor) {
        channel = c;
        this.requestor = requestor;
    }

    @Override
    public void call(Channel c, String destination, int timeoutMs) {
        jingle.register(this);
        strand.execute(this::start);
    }

    private void start() {
        if (state != SkypeCallState.NEW) return; // hung up before we began
        SkypeRoutes.Route r = SkypeRoutes.route(account, peerBare, module.discoCache());
        if (state != SkypeCallState.NEW) return;
        switch (r.kind()) {
            case JMI -> {
                viaJmi = true;
                state = SkypeCallState.PROPOSED;
                PbxLog.verbose(3, name() + ": proposing a call to " + peerBare + " (XEP-0353)");
                Jmi propose = new Jmi(Jmi.Kind.PROPOSE, sid, SkypeCodecs.offer(account.config().codecs()), null);
                if (!jingle.sendJmi(peerBare, propose, this)) {
                    fail(HangupCause.SUBSCRIBER_ABSENT, "Jingle not-connected");
                    return;
                }
                // bind and gather while the buddy's devices ring (about 5 ms a call): proceed then only sends the offer
                openMedia(true);
            }
            case DIRECT -> {
                peerFull = r.fullJid();
                initiate();
            }
            case NONE -> {
                PbxLog.notice(SkypeAccount.LOG, "No device of " + peerBare + " can take an audio call (none announces Jingle RTP audio)");
                fail(HangupCause.SUBSCRIBER_ABSENT, "Jingle no-audio-device");
            }
        }
    }

    /** XEP-0166 §6.2: our offer, with our ICE credentials, candidates and fingerprint (setup actpass). */
    private void initiate() {
        if (media == null && !openMedia(true)) {
            fail(HangupCause.NORMAL_CIRCUIT_CONGESTION, "Jingle failed-transport");
            return;
        }
        state = SkypeCallState.PENDING;
        PbxLog.verbose(3, name() + ": session-initiate to " + peerFull);
        Jingle.Content audio = new Jingle.Content("initiator", "audio", SkypeCodecs.offer(account.config().codecs()), media.local());
        Jingle j = new Jingle(Jingle.Action.SESSION_INITIATE, sid, account.fullJid(), null, List.of(audio), null, null);
        jingle.send(peerFull, j, err -> {
            if (err != null) strand.execute(() -> initiateRefused(err));
        });
    }

    private void initiateRefused(String condition) {
        if (state != SkypeCallState.PENDING) return;
        boolean absent = condition.equals("item-not-found") || condition.equals("service-unavailable")
            || condition.equals("recipient-unavailable") || condition.equals("not-connected");
        fail(absent ? HangupCause.SUBSCRIBER_ABSENT : HangupCause.NORMAL_CIRCUIT_CONGESTION, "Jingle error " + condition);
    }

    @Override
    void onJmi(String from, Jmi jmi) {
        switch (jmi.kind()) {
            case RINGING -> {
                if (state == SkypeCallState.PROPOSED) {
                    state = SkypeCallState.RINGING;
                    onRinging();
                }
            }
            case PROCEED -> {
                if (state == SkypeCallState.PROPOSED || state == SkypeCallState.RINGING) {
                    peerFull = from; // XEP-0353 §3.3: the device that proceeded gets the session
                    PbxLog.verbose(3, name() + ": " + from + " proceeds");
                    initiate();
                }
            }
            case REJECT -> {
                if (state == SkypeCallState.PROPOSED || state == SkypeCallState.RINGING) {
                    String why = jmi.reason() == null ? "busy" : jmi.reason().condition();
                    PbxLog.verbose(3, name() + ": " + from + " rejected the call (" + why + ")");
                    fail(HangupCause.USER_BUSY, "Jingle reject " + why);
                }
            }
            default -> { }
        }
    }

    @Override
    void onBounce(String condition) {
        if (state != SkypeCallState.PROPOSED) return;
        PbxLog.verbose(3, name() + ": the proposal to " + peerBare + " bounced (" + condition + ")");
        fail(HangupCause.SUBSCRIBER_ABSENT, "Jingle error " + condition);
    }

    @Override
    protected void onRinging() {
        if (ringingShown || state.answeredOrLater() || state == SkypeCallState.ENDED) return;
        ringingShown = true;
        Channel c = channel;
        if (c == null) return;
        c.setState(ChannelState.RINGING);
        c.queueFrame(Frame.control(Frame.Control.RINGING));
    }

    @Override
    void onJingle(JingleIq iq) {
        Jingle j = iq.jingle();
        switch (j.action()) {
            case SESSION_ACCEPT -> onAccept(iq);
            case SESSION_TERMINATE -> {
                if (state.answeredOrLater()) {
                    onTerminate(iq);
                } else {
                    ack(iq);
                    String why = j.reason() == null ? null : j.reason().condition();
                    fail(SkypeCauses.fromReason(why), "Jingle " + (why == null ? "session-terminate" : why));
                }
            }
            default -> onOther(iq);
        }
    }

    /** XEP-0166 §6.3: the answer; a second one, or one before our offer, is out of order (§8). */
    private void onAccept(JingleIq iq) {
        if (state != SkypeCallState.PENDING) {
            SkypeJingle.remoteNotice(peerBare, name() + ": session-accept from " + iq.getFrom() + " out of order (call is " + state + ")");
            jingle.error(iq, StanzaError.Condition.unexpected_request, "out-of-order");
            return;
        }
        Jingle.Content c = iq.jingle().audio();
        SkypeCodecs.Agreed a = c == null ? null : SkypeCodecs.accept(c.description(), account.config().codecs());
        ack(iq);
        if (c == null || a == null) {
            terminate("incompatible-parameters");
            fail(HangupCause.BEARERCAPABILITY_NOTAVAIL, "Jingle incompatible-parameters");
            return;
        }
        if (c.transport() == null || c.transport().fingerprint() == null) {
            // XEP-0320: never unencrypted media on the network leg
            SkypeJingle.remoteNotice(peerBare, name() + ": session-accept from " + iq.getFrom() + " without a DTLS fingerprint");
            terminate("security-error");
            fail(HangupCause.NORMAL_CIRCUIT_CONGESTION, "Jingle security-error");
            return;
        }
        state = SkypeCallState.ACCEPTED;
        startMedia(c.transport(), a);
    }

    @Override
    protected void mediaReady() {
        if (state != SkypeCallState.ACCEPTED) return;
        state = SkypeCallState.ACTIVE;
        Channel c = channel;
        PbxLog.verbose(3, name() + " answered (" + codec() + ", " + (media == null ? "-" : media.pair()) + ")");
        if (c == null) return;
        c.setState(ChannelState.UP);
        c.queueFrame(Frame.control(Frame.Control.ANSWER));
    }

    @Override
    protected void mediaFailed(SkypeMedia.Failure f) {
        if (state == SkypeCallState.ACTIVE) {
            super.mediaFailed(f);
            return;
        }
        if (state == SkypeCallState.ENDED) return;
        String reason = f == SkypeMedia.Failure.DTLS_FAILED || f == SkypeMedia.Failure.FINGERPRINT_MISMATCH ? "security-error" : "connectivity-error";
        PbxLog.notice(SkypeAccount.LOG, name() + ": media never started (" + f + "); session-terminate " + reason);
        terminate(reason);
        fail(HangupCause.NORMAL_CIRCUIT_CONGESTION, "Jingle " + reason);
    }

    /** The call failed before an answer: Dial sees BUSY, CONGESTION or CHANUNAVAIL from the frame and cause. */
    private void fail(int cause, String techCause) {
        if (state == SkypeCallState.ENDED) return;
        state = SkypeCallState.ENDED;
        release();
        Channel c = channel;
        if (c == null) return;
        tellRequestor(techCause, cause);
        c.setHangupCause(cause);
        Frame.Control show = switch (cause) {
            case HangupCause.USER_BUSY -> Frame.Control.BUSY;
            case HangupCause.NORMAL_CIRCUIT_CONGESTION -> Frame.Control.CONGESTION;
            default -> Frame.Control.HANGUP;
        };
        c.queueFrame(Frame.control(show));
    }

    @Override
    protected void tellRequestor(String techCause, int cause) {
        Channel req = requestor, c = channel;
        if (req != null && c != null) req.putDialedCause(c.name(), techCause, cause);
    }

    @Override
    protected void endOnOurSide(int cause) {
        switch (state) {
            case PROPOSED, RINGING -> {
                // XEP-0353 §3.4: the caller changed its mind (hung up, or Dial's timeout passed)
                PbxLog.verbose(3, name() + ": retracting the proposal to " + peerBare);
                jingle.sendJmi(peerBare, new Jmi(Jmi.Kind.RETRACT, sid, null,
                    Jingle.Reason.of(cause == HangupCause.NO_ANSWER ? "timeout" : "cancel")), null);
            }
            case PENDING -> terminate(cause == HangupCause.NO_ANSWER ? "timeout" : "cancel");
            case ACCEPTED, ACTIVE -> terminate("success");
            default -> { }
        }
    }
}
