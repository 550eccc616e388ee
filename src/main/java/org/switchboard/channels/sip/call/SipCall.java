package org.switchboard.channels.sip.call;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.switchboard.channels.sip.SipRequestRouter;
import org.switchboard.channels.sip.SipStack;
import org.switchboard.channels.sip.config.DtmfMode;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.dialog.SipDialog;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.SipMethod;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.sdp.SdpNegotiator;
import org.switchboard.channels.sip.sdp.SdpWriter;
import org.switchboard.channels.sip.sdp.SessionDescription;
import org.switchboard.channels.sip.transaction.ClientTransaction;
import org.switchboard.channels.sip.transaction.ClientTransactionUser;
import org.switchboard.channels.sip.transaction.ServerTransaction;
import org.switchboard.channels.sip.transaction.TimerSettings;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.channels.sip.transport.PeerLog;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelTech;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupCause;
import org.switchboard.core.MediaStream;
import org.switchboard.core.PbxLog;
import org.switchboard.media.rtp.RtpSession;
import org.switchboard.res.moh.MusicOnHold;

/**
 * One SIP call leg, chan_sip's sip_pvt: the dialog, its media, and the channel it drives. What is
 * common to both directions lives here (in-dialog requests, BYE, re-INVITE hold, INFO and RFC 4733
 * DTMF, the 2xx retransmission of §13.3.1.4); {@link SipUas} and {@link SipUac} hold what only an
 * incoming or an outgoing call does before it is answered. Where the call stands is its
 * {@link InviteSession}, read and changed only under {@link #lock}.
 */
public abstract class SipCall implements ChannelTech, RtpSession.Listener {
    protected final SipStack stack;
    protected final ReentrantLock lock = new ReentrantLock();
    protected final SipPeer peer;          // null for a guest or a dial to user@host
    protected final SipMedia media;
    protected final String callId;
    protected final String localTag;
    protected volatile Channel channel;
    protected volatile SipDialog dialog;
    protected volatile Endpoint remote;    // where in-dialog requests go
    protected final InviteSession session;
    private volatile boolean held;         // the media's direction, not the call's state
    private boolean slotTaken;
    private boolean hungUp;                // the channel hung up: what it held is released once
    /** The CSeq of a dialog's first request from us: chan_sip starts its ocseq at 101 and counts up before sending. */
    public static final long FIRST_CSEQ = 102;
    private Sip2xxRetransmission retransmission; // our 2xx until its ACK (ACCEPTED)

    protected SipCall(SipStack stack, InviteSession.Role role, SipPeer peer, SipMedia media, String callId,
                      String localTag, Endpoint remote) {
        this.stack = stack;
        this.peer = peer;
        this.media = media;
        this.callId = callId;
        this.localTag = localTag;
        this.remote = remote;
        this.session = new InviteSession(role, lock, callId);
    }

    /** Where the call stands (for tests and show commands). */
    public InviteState state() {
        lock.lock();
        try {
            return session.state();
        } finally {
            lock.unlock();
        }
    }

    public String callId() { return callId; }
    public String localTag() { return localTag; }
    public SipStack stack() { return stack; }
    /** The dialog once the far end answered with a tag (or we did), else null. */
    public SipDialog dialog() { return dialog; }

    @Override
    public String channelFunctionRead(Channel c, String args) { return SipChannelItems.read(this, args); }
    public Channel channel() { return channel; }
    public SipPeer peer() { return peer; }
    public Endpoint remote() { return remote; }
    public boolean isHeld() { return held; }
    public abstract boolean isInbound();
    /** chan_sip's initreq: the INVITE that began the call (received, or the one we sent); null before it. */
    public abstract SipRequest initialRequest();
    /** The codec in use (Asterisk's name), or "" before negotiation. */
    public String codec() { String c = media.codecName(); return c == null ? "" : c; }
    public RtpSession rtp() { return media.rtp(); }

    /**
     * Takes a call-limit slot of {@code peer} (none for a call without one); false when its
     * {@code call-limit} is reached. Checked before an RTP port is bound: a peer at its limit
     * costs no socket work.
     */
    public static boolean takeSlot(SipStack stack, SipPeer peer) {
        return peer == null || stack.peerStates().acquire(peer.name(), peer.callLimit());
    }

    /** Gives back a slot taken for a call that was never made. */
    public static void releaseSlot(SipStack stack, SipPeer peer) {
        if (peer != null) stack.peerStates().release(peer.name());
    }

    /** The slot taken for this call is now its own, given back when it finishes. */
    public void ownSlot() { slotTaken = peer != null; }

    protected DtmfMode dtmfMode() { return peer == null ? DtmfMode.RFC2833 : peer.dtmfMode(); }

    protected String localHost() { return stack.localHost(remote.address().getAddress()); }

    // ---- the channel side (ChannelTech) ----

    @Override
    public void write(Channel c, Frame frame) {
        switch (frame) {
            case Frame.VoiceFrame v -> {
                beforeMedia();
                media.rtp().write(v);
            }
            case Frame.DtmfFrame d -> { if (d.end()) sendDtmf(d.digit(), d.durationMs()); }
            default -> { }
        }
    }

    @Override
    public void indicate(Channel c, Frame.Control control) { holdMusic(c, control); }

    /**
     * The other side of the bridge put the call on hold: this phone hears music on hold from its
     * peer's {@code mohinterpret} class until UNHOLD (chan_sip's indicate of HOLD and UNHOLD).
     *
     * @return whether the control was HOLD or UNHOLD
     */
    protected boolean holdMusic(Channel c, Frame.Control control) {
        if (control == Frame.Control.HOLD) {
            MusicOnHold.start(c, peer == null ? null : peer.mohInterpret(),
                peer == null ? null : "mohinterpret of [" + peer.name() + "] at " + peer.file() + ":" + peer.line());
            return true;
        }
        if (control == Frame.Control.UNHOLD) {
            MusicOnHold.stop(c);
            return true;
        }
        return false;
    }

    /** An unanswered incoming call sends 183 with SDP before its first early media (chan_sip does). */
    protected void beforeMedia() {}

    private void sendDtmf(char digit, int durationMs) {
        int duration = durationMs > 0 ? durationMs : 100;
        DtmfMode mode = dtmfMode();
        if (mode == DtmfMode.INBAND) { // tones in our audio (the RTP session was set up for it)
            media.rtp().sendDtmf(digit, duration);
            return;
        }
        boolean rtpDtmf = (mode == DtmfMode.RFC2833 || mode == DtmfMode.AUTO) && media.hasTelephoneEvent();
        if (rtpDtmf && media.rtp().sendDtmf(digit, duration)) return;
        if (mode == DtmfMode.INFO || (mode == DtmfMode.AUTO) || !media.hasTelephoneEvent()) {
            SipDialog d = dialog;
            if (d == null || d.state() != SipDialog.State.CONFIRMED) return;
            String body = "Signal=" + digit + "\r\nDuration=" + duration + "\r\n";
            sendInDialog(SipMethod.INFO, "application/dtmf-relay", body.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Our RTP stream, for native bridging and Echo(); none while on hold or before the codec is agreed. */
    @Override
    public MediaStream mediaStream(Channel self) {
        return held || media.codecName() == null ? null : media.rtp();
    }

    /**
     * A re-INVITE put us on hold or changed the codec: a relay the packets no longer fit ends
     * (both ways), and the bridge carries the media as frames, transcoded if need be.
     */
    private void endRelayUnlessItFits(boolean nowHeld) {
        RtpSession rtp = media.rtp();
        RtpSession other = rtp.relayPeer();
        if (other == null || other == rtp || (!nowHeld && rtp.canBridge(other))) return;
        rtp.endRelay();
        Channel c = channel;
        PbxLog.verbose(3, "Native RTP bridge of " + (c == null ? callId : c.name()) + " ends: "
            + (nowHeld ? "put on hold" : "codec now " + codec()));
    }

    @Override
    public String nativeFormat(Channel c) { String f = codec(); return f.isEmpty() ? "ulaw" : f; }

    @Override
    public String peerDescription(Channel c) {
        return (peer == null ? remote.address().getAddress().getHostAddress() : peer.name()) + " (" + codec() + ")";
    }

    @Override
    public void hangup(Channel c) {
        lock.lock();
        try {
            if (hungUp) return;
            hungUp = true;
            endOnOurSide(c.hangupCause());
        } catch (RuntimeException e) {
            PbxLog.warning("chan_sip.c", "Ending " + c.name() + " failed: " + e);
        } finally {
            lock.unlock();
            finish();
        }
    }

    /** Our side hung up: BYE, CANCEL or a final refusal, as the call's state asks (§9.1, §15). Under the lock. */
    private void endOnOurSide(int cause) {
        switch (session.hangUpLocally()) {
            case BYE -> sendBye();
            case BYE_AFTER_ACK -> { } // §15: no BYE before the ACK (or Timer L); the 2xx keeps going
            case REFUSE -> refuseInvite(SipCauses.toResponse(cause));
            case CANCEL -> sendCancel();
            case CANCEL_LATER, NOTHING -> { }
        }
        if (session.ending() != InviteSession.Ending.BYE_AFTER_ACK) stopRetransmission();
    }

    /** UAS: the final refusal of the INVITE (its state already moved). Under the lock. */
    protected void refuseInvite(int status) {}

    /** UAC: the CANCEL of our INVITE (§9.1). Under the lock. */
    protected void sendCancel() {}

    /** Releases what the call holds, once. */
    protected void finish() {
        media.rtp().close(); // ends a relay with the other leg too: its packets go up as frames
        lock.lock();
        try {
            if (slotTaken) {
                slotTaken = false;
                stack.peerStates().release(peer.name());
            }
            // the dialog lives on until the ACK comes (or never does) and our BYE goes
            if (session.ending() == InviteSession.Ending.BYE_AFTER_ACK) return;
        } finally {
            lock.unlock();
        }
        forget();
    }

    private void forget() {
        stack.calls().remove(this);
        SipDialog d = dialog;
        if (d != null) d.terminate();
    }

    /** The deferred BYE: after the ACK, or when the 2xx was never acknowledged. Under the lock. */
    private void byeNow() {
        stopRetransmission();
        sendBye();
        forget();
    }

    // ---- the network side ----

    /** The far end ended the call (BYE, CANCEL, a refusal); the session has already moved. */
    void remoteHangup(int cause) {
        Channel c = channel;
        if (c == null) return;
        if (c.hangupCause() == HangupCause.NOT_DEFINED) c.setHangupCause(cause);
        c.queueFrame(Frame.control(Frame.Control.HANGUP));
        c.softHangup(cause);
    }

    /** A request inside our dialog (the router found us by Call-ID and To tag). */
    public void onRequest(ServerTransaction tx, SipRequest r) {
        SipDialog d = dialog;
        if (d == null) {
            tx.respond(reply(r, 481));
            return;
        }
        int check = d.acceptRequest(r);
        if (check != SipDialog.ACCEPTED) {
            tx.respond(reply(r, check)); // §12.2.2: 500 for a CSeq out of order
            return;
        }
        switch (r.method()) {
            case SipMethod.BYE -> onBye(tx, r);
            case SipMethod.INFO -> onInfo(tx, r);
            case SipMethod.INVITE -> onReInvite(tx, r);
            default -> tx.respond(reply(r, 405));
        }
    }

    /** §15.1.2: a BYE ends the session (and any 2xx retransmission); in an early dialog the INVITE gets 487 too. */
    private void onBye(ServerTransaction tx, SipRequest r) {
        InviteSession.Bye outcome;
        boolean wasHungUp;
        lock.lock();
        try {
            outcome = session.onBye();
            wasHungUp = hungUp;
            if (outcome != InviteSession.Bye.NO_DIALOG) {
                stopRetransmission();
                tx.respond(reply(r, 200));
                if (outcome == InviteSession.Bye.ENDED_EARLY) endEarly();
            }
        } finally {
            lock.unlock();
        }
        if (outcome == InviteSession.Bye.NO_DIALOG) {
            tx.respond(reply(r, 481)); // §15.1.2: no session to end
            return;
        }
        if (wasHungUp) { // we had hung up and held our BYE back for the ACK: the far end ended it first
            forget();
            return;
        }
        PbxLog.verbose(3, "Got SIP BYE on " + (channel == null ? callId : channel.name()));
        remoteHangup(HangupCause.NORMAL_CLEARING);
    }

    /** UAS: a BYE in the early dialog (§15): the INVITE still gets its final response, 487. Under the lock. */
    protected void endEarly() {}

    private void onInfo(ServerTransaction tx, SipRequest r) {
        String type = r.contentType() == null ? "" : r.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!r.hasBody()) {
            tx.respond(reply(r, 200)); // an empty INFO is a keep-alive
            return;
        }
        if (!type.startsWith("application/dtmf-relay") && !type.startsWith("application/dtmf")) {
            tx.respond(reply(r, 415));
            return;
        }
        char digit = SipInfoDtmf.digit(r.bodyText(), type.startsWith("application/dtmf-relay"));
        int duration = SipInfoDtmf.duration(r.bodyText());
        tx.respond(reply(r, digit == 0 ? 400 : 200));
        Channel c = channel;
        if (digit != 0 && c != null && dtmfMode() != DtmfMode.RFC2833) {
            c.queueFrame(new Frame.DtmfFrame(digit, false, 0));
            c.queueFrame(new Frame.DtmfFrame(digit, true, duration));
        } else if (digit != 0 && c != null) {
            // chan_sip takes INFO digits only with dtmfmode=info/auto; say why they vanish
            PeerLog.log(PbxLog.Level.NOTICE, PeerLog.CHAN_SIP, remote, "Ignoring SIP INFO DTMF '" + digit + "' on " + c.name() + " (dtmfmode=rfc2833)");
        }
    }

    /** A re-INVITE (RFC 3261 §14.2): a new offer (hold, resume, new address) or none (we offer). */
    private void onReInvite(ServerTransaction tx, SipRequest r) {
        SipResponse resp;
        Frame.Control holdChange = null;
        lock.lock();
        try {
            int refuse = session.onReInvite(media.awaitingAnswer());
            if (refuse == 500) { // §14.2: our final response to the first INVITE is still to come
                SipResponse busy = reply(r, 500);
                tx.respond(busy.withHeaders(busy.headers().toBuilder()
                    .add("Retry-After", Integer.toString(ThreadLocalRandom.current().nextInt(11))).build()));
                return;
            }
            if (refuse != 0) {
                tx.respond(reply(r, refuse)); // 491: one offer at a time (§14.2); 481: we are ending it
                return;
            }
            byte[] sdp;
            if (r.hasBody()) {
                SessionDescription offer = SipMedia.parse(r.body());
                if (offer == null) {
                    tx.respond(reply(r, 400));
                    return;
                }
                SdpNegotiator.Result res = media.answer(offer, localHost());
                if (!(res instanceof SdpNegotiator.Accepted a)) {
                    tx.respond(reply(r, 488)); // §14.2: the old session stays
                    return;
                }
                boolean nowHeld = a.held();
                if (nowHeld != held) holdChange = nowHeld ? Frame.Control.HOLD : Frame.Control.UNHOLD;
                endRelayUnlessItFits(nowHeld); // through frames, transcoded
                held = nowHeld;
                sdp = SdpWriter.toBytes(a.answer());
            } else {
                sdp = SdpWriter.toBytes(media.offer(localHost(), media.codecName()));
            }
            resp = withContact(reply(r, 200)).withBody("application/sdp", sdp);
            session.acceptReInvite();
            send2xxUntilAcked(tx, resp);
        } finally {
            lock.unlock();
        }
        Channel c = channel;
        if (holdChange != null && c != null) {
            PbxLog.verbose(3, c.name() + (holdChange == Frame.Control.HOLD ? " is put on hold" : " is taken off hold"));
            c.queueFrame(Frame.control(holdChange));
        }
    }

    /** The ACK for a 2xx we sent (§13.3.1.4); with a body it answers the offer in our 2xx (§13.2.1). */
    public void onAck(SipRequest ack) {
        lock.lock();
        try {
            InviteSession.Ack a = session.onAck();
            if (a == InviteSession.Ack.IGNORED) return;
            stopRetransmission();
            if (a == InviteSession.Ack.SEND_BYE) {
                byeNow();
                return;
            }
            if (media.awaitingAnswer() && ack.hasBody()) {
                SessionDescription answer = SipMedia.parse(ack.body());
                if (answer == null || !(media.acceptAnswer(answer, localHost()) instanceof SdpNegotiator.Accepted)) {
                    PeerLog.log(PbxLog.Level.WARNING, PeerLog.CHAN_SIP, remote, "Unusable SDP answer in ACK on " + (channel == null ? callId : channel.name()));
                }
            }
        } finally {
            lock.unlock();
        }
        afterAck();
    }

    protected void afterAck() {}

    /** A retransmitted 2xx to our INVITE (outgoing calls): ACK it again. */
    public void onRetransmitted2xx(SipResponse r) {}

    /** CANCEL of an unanswered incoming call (§9.2); false when it came too late to matter. */
    public boolean onCancel() { return false; }

    // ---- sending ----

    /**
     * Sends a 2xx on {@code tx} and again at T1, 2T1, ... T2 until its ACK; after 64*T1 without one
     * the session ends with a BYE (§13.3.1.4, RFC 6026 Timer L). Under the lock.
     */
    protected void send2xxUntilAcked(ServerTransaction tx, SipResponse resp) {
        tx.respond(resp);
        stopRetransmission();
        if (tx.peer().reliable()) return; // over TCP the transport is reliable: no retransmission
        Endpoint to = tx.responseDestination();
        retransmission = new Sip2xxRetransmission(stack.scheduler(), stack.timerSettings(),
            () -> resend2xx(resp, to), this::ackNeverCame).start();
    }

    private void resend2xx(SipResponse resp, Endpoint to) {
        lock.lock();
        try {
            InviteState st = session.state();
            if (st == InviteState.ACCEPTED || session.ending() == InviteSession.Ending.BYE_AFTER_ACK) {
                stack.layer().sendStateless(resp, to);
            }
        } finally {
            lock.unlock();
        }
    }

    private void ackNeverCame() {
        InviteSession.Ack a;
        lock.lock();
        try {
            a = session.onAckTimeout();
            if (a == InviteSession.Ack.SEND_BYE) byeNow(); // §15: the ACK never came; the BYE goes anyway
        } finally {
            lock.unlock();
        }
        if (a != InviteSession.Ack.CONFIRMED) return;
        // one line per admitted call at most, as for RTP silence below
        TimerSettings t = stack.timerSettings();
        PbxLog.warning("chan_sip.c", "No ACK for the 2xx on " + (channel == null ? callId : channel.name()) + " in "
            + t.timeout() / 1000 + " s; hanging up");
        Channel c = channel;
        if (c != null) c.softHangup(HangupCause.NO_USER_RESPONSE);
    }

    /** Under the lock. */
    private void stopRetransmission() {
        Sip2xxRetransmission r = retransmission;
        retransmission = null;
        if (r != null) r.stop();
    }

    /** Our BYE (§15.1.1); its answer (or none) ends the Terminating state. */
    protected void sendBye() {
        sendInDialog(SipMethod.BYE, null, null, byeAnswered);
    }

    private final ClientTransactionUser byeAnswered = new ClientTransactionUser() {
        @Override public void onResponse(ClientTransaction tx, SipResponse r) {
            LOG_ONLY.onResponse(tx, r);
            if (r.isFinal()) byeDone();
        }

        @Override public void onTimeout(ClientTransaction tx) {
            LOG_ONLY.onTimeout(tx);
            byeDone();
        }
    };

    private void byeDone() {
        lock.lock();
        try {
            session.byeDone();
        } finally {
            lock.unlock();
        }
    }

    /** Sends an in-dialog request (§12.2.1.1); its response is only logged. */
    protected void sendInDialog(String method, String contentType, byte[] body) {
        sendInDialog(method, contentType, body, LOG_ONLY);
    }

    private void sendInDialog(String method, String contentType, byte[] body, ClientTransactionUser user) {
        SipDialog d = dialog;
        if (d == null) return;
        Endpoint to = remote;
        SipRequest req;
        try {
            req = d.createRequest(method, stack.newVia(to));
        } catch (IllegalStateException e) {
            return; // the dialog ended meanwhile
        }
        var h = req.headers().toBuilder().add(HeaderNames.USER_AGENT, stack.settings().userAgent());
        if (contentType != null) h.add(HeaderNames.CONTENT_TYPE, contentType);
        req = new SipRequest(req.method(), req.uri(), h.build(), body);
        stack.layer().sendRequest(req, to, user);
    }

    static final ClientTransactionUser LOG_ONLY = new ClientTransactionUser() {
        @Override public void onResponse(ClientTransaction tx, SipResponse r) {
            if (r.isFinal() && !r.isSuccess()) {
                PbxLog.verbose(3, "Got " + r.status() + " to " + tx.request().method() + " on Call-ID " + tx.request().callId());
            }
        }

        @Override public void onTimeout(ClientTransaction tx) {
            PbxLog.verbose(3, "No response to " + tx.request().method() + " on Call-ID " + tx.request().callId());
        }
    };

    protected SipResponse reply(SipRequest r, int status) {
        return stack.routerReply(r, status, localTag);
    }

    protected SipResponse withContact(SipResponse r) {
        String contact = "<sip:s@" + localHost() + ":" + stack.localPort(remote.protocol())
            + remote.protocol().uriParam() + ">";
        return r.withHeaders(r.headers().toBuilder().add(HeaderNames.CONTACT, contact)
            .addLine(HeaderNames.ALLOW, SipRequestRouter.ALLOW).addLine(HeaderNames.SUPPORTED, "replaces, timer").build());
    }

    // ---- RTP ----

    @Override
    public void onVoice(RtpSession s, Frame.VoiceFrame f) {
        Channel c = channel;
        if (c != null) c.queueFrame(f);
    }

    @Override
    public void onDtmf(RtpSession s, Frame.DtmfFrame f) {
        Channel c = channel;
        if (c != null && dtmfMode() != DtmfMode.INFO) c.queueFrame(f);
    }

    @Override
    public void onTimeout(RtpSession s) {
        Channel c = channel;
        if (c == null) return;
        int secs = held ? stack.settings().rtpHoldTimeout() : stack.settings().rtpTimeout();
        // one line per admitted call, like the call's own dialplan lines: not rate-limited, so no call ends unexplained
        PbxLog.notice("chan_sip.c", "Disconnecting call '" + c.name() + "' for lack of RTP activity in " + secs + " seconds");
        c.softHangup(HangupCause.NORMAL_CLEARING); // not remoteEnded: hanging up sends our BYE
    }

}
