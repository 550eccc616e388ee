package org.switchboard.channels.skype;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelTech;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupCause;
import org.switchboard.core.MediaStream;
import org.switchboard.core.PbxLog;
import org.switchboard.media.rtp.RtpSession;
import org.switchboard.net.xmpp.jingle.Jingle;
import org.switchboard.net.xmpp.jingle.JingleIq;
import org.switchboard.net.xmpp.jingle.Jmi;
import org.switchboard.res.moh.MusicOnHold;

/**
 * One Skype call leg: a Jingle session (XEP-0166) with the buddy, reached through JMI (XEP-0353)
 * or directly, its media, and the channel it drives. Every event (a stanza, the dialplan's
 * answer or hangup, media ready or failed) runs on the call's {@link SkypeStrand}, so the state
 * below needs no lock. What is common to both directions lives here; {@link SkypeOutgoingCall}
 * and {@link SkypeIncomingCall} hold what only one does before the call is answered.
 */
abstract class SkypeCall implements ChannelTech, RtpSession.Listener {
    protected final SkypeModule module;
    protected final SkypeAccount account;
    protected final SkypeJingle jingle;
    protected final String peerBare;
    protected final String sid;
    protected final SkypeStrand strand;
    protected final long startedMillis = System.currentTimeMillis();
    protected volatile String peerFull;
    protected volatile Channel channel;
    protected volatile SkypeCallState state = SkypeCallState.NEW;
    protected volatile SkypeMedia media;
    protected volatile SkypeCodecs.Agreed agreed;
    protected volatile boolean viaJmi;
    private boolean released;
    private boolean peerHeld, weHeld; // strand only

    /** The caller took a license for this call; {@link #release} gives it back. */
    protected SkypeCall(SkypeModule module, SkypeAccount account, String peerBare, String sid) {
        this.module = module;
        this.account = account;
        this.jingle = account.jingle();
        this.peerBare = peerBare;
        this.sid = sid;
        this.strand = new SkypeStrand("skype-call-" + sid);
    }

    abstract boolean isInbound();

    String sid() { return sid; }
    String peerBare() { return peerBare; }
    String peerFull() { return peerFull; }
    SkypeStrand strand() { return strand; }
    SkypeCallState state() { return state; }
    SkypeAccount account() { return account; }
    Channel channel() { return channel; }
    SkypeMedia media() { return media; }
    long startedMillis() { return startedMillis; }
    String codec() { SkypeCodecs.Agreed a = agreed; return a == null ? "" : a.codec(); }

    // ---- network events, on the strand ----

    abstract void onJingle(JingleIq iq);

    abstract void onJmi(String from, Jmi jmi);

    /** Our JMI proposal came back as an error (nobody could take it). */
    void onBounce(String condition) {}

    /** The peer's device went offline (presence unavailable, RFC 6121 §4.5.3): the call cannot go on. */
    void peerOffline() {
        if (state == SkypeCallState.ENDED) return;
        PbxLog.verbose(3, name() + ": " + peerFull + " went offline");
        remoteEnded(state.answeredOrLater() ? HangupCause.NORMAL_CLEARING : HangupCause.SUBSCRIBER_ABSENT, "Jingle gone");
    }

    /** The account's connection is gone; from any thread. */
    void networkGone(String why) {
        strand.execute(() -> {
            if (state == SkypeCallState.ENDED) return;
            PbxLog.verbose(3, name() + ": " + why);
            remoteEnded(state.answeredOrLater() ? HangupCause.NORMAL_CLEARING : HangupCause.SUBSCRIBER_ABSENT, "Jingle gone");
        });
    }

    /** XEP-0166 §6.7: the peer ended the session; acknowledged, then the channel hangs up. */
    protected void onTerminate(JingleIq iq) {
        ack(iq);
        Jingle.Reason r = iq.jingle().reason();
        String reason = r == null ? null : r.condition();
        PbxLog.verbose(3, name() + ": session-terminate from " + peerFull + (reason == null ? "" : " (" + reason + ")"));
        remoteEnded(SkypeCauses.fromReason(reason), "Jingle " + (reason == null ? "session-terminate" : reason));
    }

    /** XEP-0176 §5.3: more candidates for the transport. */
    protected void onTransportInfo(JingleIq iq) {
        ack(iq);
        SkypeMedia m = media;
        for (Jingle.Content c : iq.jingle().contents()) {
            if (m != null && c.transport() != null) m.addCandidates(c.transport().candidates());
        }
    }

    /** Shared answers: anything not handled by the direction's own switch. */
    protected void onOther(JingleIq iq) {
        switch (iq.jingle().action()) {
            case SESSION_TERMINATE -> onTerminate(iq);
            case TRANSPORT_INFO -> onTransportInfo(iq);
            case SESSION_INFO -> {
                ack(iq); // XEP-0167 §7: ringing, hold, mute... are informative
                Jingle.Info info = iq.jingle().info();
                if (info == Jingle.Info.RINGING) onRinging();
                else if (info == Jingle.Info.HOLD) peerHold(true);
                else if (info == Jingle.Info.UNHOLD || info == Jingle.Info.ACTIVE) peerHold(false);
            }
            case SESSION_INITIATE, SESSION_ACCEPT -> jingle.error(iq, StanzaError.Condition.unexpected_request, "out-of-order");
            default -> jingle.error(iq, StanzaError.Condition.feature_not_implemented, null);
        }
    }

    protected void onRinging() {}

    /**
     * XEP-0167 §7.2/§7.3: the buddy put the call on hold or took it off (its {@code <active/>}
     * says the same, §7.1). The channel gets HOLD or UNHOLD, which a bridge passes to the other leg
     * as a SIP phone's re-INVITE does.
     */
    private void peerHold(boolean on) {
        if (on == peerHeld || !state.answeredOrLater() || state == SkypeCallState.ENDED) return;
        peerHeld = on;
        Channel c = channel;
        PbxLog.verbose(3, name() + (on ? " is put on hold by " : " is taken off hold by ") + peerFull);
        if (c != null) c.queueFrame(Frame.control(on ? Frame.Control.HOLD : Frame.Control.UNHOLD));
    }

    /** Our side held the call (a bridged phone's hold, HOLD()): XEP-0167 §7.2's hold, §7.3's unhold, to the buddy. */
    protected void holdFromOurSide(boolean on) {
        strand.execute(() -> {
            if (on == weHeld || state != SkypeCallState.ACTIVE || peerFull == null) return;
            weHeld = on;
            PbxLog.verbose(3, name() + ": telling " + peerFull + (on ? " the call is on hold" : " the call is off hold"));
            jingle.send(peerFull, new Jingle(Jingle.Action.SESSION_INFO, sid, null, null, java.util.List.of(), null,
                on ? Jingle.Info.HOLD : Jingle.Info.UNHOLD), r -> { });
        });
    }

    /**
     * The other side of the bridge held the call: the buddy hears music on hold from the account's
     * {@code mohinterpret} class (chan_motif and chan_sip start it on HOLD), and is told so with
     * XEP-0167's informative {@code <hold/>}; UNHOLD stops the music and sends {@code <unhold/>}.
     */
    @Override
    public void indicate(Channel c, Frame.Control control) {
        if (control == Frame.Control.HOLD) {
            SkypeConfig.Account a = account.config();
            MusicOnHold.start(c, a.mohInterpret(), "mohinterpret of account [" + a.name() + "] at " + a.file() + ":" + a.line());
            holdFromOurSide(true);
        } else if (control == Frame.Control.UNHOLD) {
            MusicOnHold.stop(c);
            holdFromOurSide(false);
        }
    }

    protected void ack(IQ iq) { jingle.reply(IQ.createResultIQ(iq)); }

    // ---- media ----

    /** Opens the media; false (the call fails) when no transport can be had. */
    protected boolean openMedia(boolean controlling) {
        try {
            SkypeMedia m = module.mediaFactory().open(module, account, controlling, this);
            m.onFailure(f -> strand.execute(() -> mediaFailed(f)));
            media = m;
            return true;
        } catch (IOException | RuntimeException e) {
            PbxLog.warning(SkypeAccount.LOG, name() + ": no media transport: " + e.getMessage());
            return false;
        }
    }

    /** The remote transport is known and the codec agreed: configure RTP and wait for ICE and DTLS. */
    protected void startMedia(Jingle.IceUdpTransport remote, SkypeCodecs.Agreed a) {
        agreed = a;
        SkypeMedia m = media;
        m.remote(remote);
        RtpSession rtp = m.rtp();
        if (rtp != null) rtp.configure(a.codec(), a.payloadType(), a.eventPayloadType(), 20);
        m.ready().whenComplete((v, e) -> strand.execute(() -> {
            if (e == null) mediaReady();
            else mediaFailed(failureOf(e));
        }));
    }

    private static SkypeMedia.Failure failureOf(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof SkypeMediaFailure f) return f.failure();
        return SkypeMedia.Failure.ICE_FAILED;
    }

    protected abstract void mediaReady();

    /** ICE or DTLS did not complete, or consent was lost: session-terminate with the reason, the call ends. */
    protected void mediaFailed(SkypeMedia.Failure f) {
        if (state == SkypeCallState.ENDED) return;
        String reason = switch (f) {
            case DTLS_FAILED, FINGERPRINT_MISMATCH -> "security-error";
            case TIMEOUT -> "timeout";
            default -> "connectivity-error";
        };
        PbxLog.notice(SkypeAccount.LOG, name() + ": media failed (" + f.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + "); ending the call with " + reason);
        terminate(reason);
        remoteEnded(HangupCause.NORMAL_CIRCUIT_CONGESTION, "Jingle " + reason);
    }

    // ---- ending ----

    /** Sends session-terminate (XEP-0166 §6.7) to the peer; nothing waits for its answer. */
    protected void terminate(String reason) {
        String to = peerFull;
        if (to == null) return;
        jingle.send(to, new Jingle(Jingle.Action.SESSION_TERMINATE, sid, null, null, java.util.List.of(), Jingle.Reason.of(reason), null), r -> { });
    }

    /** The far end ended the call (or it failed): the channel hangs up with this cause. */
    protected void remoteEnded(int cause, String techCause) {
        if (state == SkypeCallState.ENDED) return;
        state = SkypeCallState.ENDED;
        release();
        Channel c = channel;
        if (c == null) return;
        tellRequestor(techCause, cause);
        if (c.hangupCause() == HangupCause.NOT_DEFINED) c.setHangupCause(cause);
        c.queueFrame(Frame.control(Frame.Control.HANGUP));
        c.softHangup(cause);
    }

    /** The dialing channel hears why (HANGUPCAUSE()); outgoing calls only. */
    protected void tellRequestor(String techCause, int cause) {}

    /** Gives back the license, the media and the sid, once. */
    protected void release() {
        if (released) return;
        released = true;
        SkypeMedia m = media;
        if (m != null) m.close();
        module.licenses().release();
        jingle.unregister(this);
    }

    /** Our side hangs up (Channel.hangup): what the state asks for goes out, on the strand. */
    protected abstract void endOnOurSide(int cause);

    String name() { Channel c = channel; return c == null ? "Skype call " + sid : c.name(); }

    // ---- the channel side (ChannelTech) ----

    @Override
    public void hangup(Channel c) {
        int cause = c.hangupCause();
        strand.execute(() -> {
            if (state != SkypeCallState.ENDED) endOnOurSide(cause);
            state = SkypeCallState.ENDED;
            release();
        });
    }

    @Override
    public void write(Channel c, Frame frame) {
        SkypeMedia m = media;
        RtpSession rtp = m == null ? null : m.rtp();
        if (rtp == null || state != SkypeCallState.ACTIVE) return;
        switch (frame) {
            case Frame.VoiceFrame v -> rtp.write(v);
            case Frame.DtmfFrame d -> { if (d.end()) rtp.sendDtmf(d.digit(), d.durationMs() > 0 ? d.durationMs() : 100); }
            default -> { }
        }
    }

    @Override
    public MediaStream mediaStream(Channel self) {
        SkypeMedia m = media;
        RtpSession rtp = m == null ? null : m.rtp();
        return state == SkypeCallState.ACTIVE && rtp != null && rtp.codec() != null ? rtp : null;
    }

    @Override
    public String nativeFormat(Channel c) { String f = codec(); return f.isEmpty() ? "opus" : f; }

    @Override
    public String peerDescription(Channel c) { return (peerFull == null ? peerBare : peerFull) + " (" + codec() + ")"; }

    // ---- RTP ----

    @Override
    public void onVoice(RtpSession s, Frame.VoiceFrame f) {
        Channel c = channel;
        if (c != null) c.queueFrame(f);
    }

    @Override
    public void onDtmf(RtpSession s, Frame.DtmfFrame f) {
        Channel c = channel;
        if (c != null) c.queueFrame(f);
    }

    static String clip(String s) { return s == null ? "" : s.length() <= 64 ? s : s.substring(0, 64) + "..."; }
}
