package org.switchboard.channels.sip.call;

import org.switchboard.channels.sip.SipStack;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.dialog.SipDialog;
import org.switchboard.channels.sip.message.NameAddr;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.channels.sip.sdp.SdpWriter;
import org.switchboard.channels.sip.sdp.SessionDescription;
import org.switchboard.channels.sip.transaction.ServerInviteTransaction;
import org.switchboard.channels.sip.transport.PeerLog;
import org.switchboard.channels.sip.transport.Protocol;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupCause;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * An incoming call (we are the UAS, RFC 3261 §13.3): the channel runs the dialplan; ringing,
 * progress (183 with SDP for early media), busy/congestion and the final answer or refusal go
 * back on the INVITE's server transaction.
 */
public final class SipUas extends SipCall {
    private final SipRequest invite;
    private final ServerInviteTransaction tx;
    private final java.util.EnumSet<Frame.Control> provisionalsSent = java.util.EnumSet.noneOf(Frame.Control.class);
    private boolean offerInInvite;         // set once by start(), before the channel exists
    private SipResponse sent2xx;           // our 2xx, for a retransmitted INVITE that arrives after it
    /** Set under the lock once 183 or 2xx went: media needs no 183 first. A hint read without the lock. */
    private volatile boolean mediaMayFlow;

    SipUas(SipStack stack, SipPeer peer, SipMedia media, SipRequest invite, ServerInviteTransaction tx, String tag) {
        super(stack, InviteSession.Role.UAS, peer, media, invite.callId(), tag, tx.peer());
        this.invite = invite;
        this.tx = tx;
    }

    @Override public boolean isInbound() { return true; }
    @Override public SipRequest initialRequest() { return invite; }

    ServerInviteTransaction inviteTx() { return tx; }

    String fromTag() { return invite.from() == null ? null : invite.from().tag(); }

    /**
     * The same INVITE again after our 2xx ended its transaction (RFC 6026 §8.5): answered with that
     * 2xx, never a second call. Another CSeq with the same Call-ID and From tag and no To tag is a
     * merged request (§8.2.2.2): 482.
     */
    public void absorbRetransmission(ServerInviteTransaction again, SipRequest r) {
        if (r.cseq() == null || r.cseq().seq() != invite.cseq().seq()) {
            again.respond(stack.routerReply(r, 482, org.switchboard.channels.sip.message.SipIds.tag()));
            return;
        }
        SipResponse ok;
        lock.lock();
        try {
            ok = sent2xx;
        } finally {
            lock.unlock();
        }
        if (ok != null) again.respond(ok);
        else again.abandon();
    }

    /** The ACK for our 2xx: the INVITE transaction may end sooner (see {@link ServerInviteTransaction#acknowledged()}). */
    @Override
    protected void afterAck() { tx.acknowledged(); }

    /** A BYE in the early dialog (§15): the INVITE still gets its final response, 487. Under the lock. */
    @Override
    protected void endEarly() {
        stack.calls().removePending(tx);
        tx.respond(reply(invite, 487));
    }

    /** Creates the channel and runs the dialplan at {@code exten@context}. */
    void start(String context, String exten, SessionDescription offer) {
        offerInInvite = offer != null;
        stack.calls().addPending(tx, this);
        SipUri contactUri = new SipUri("sip", exten, null, localHost(), stack.localPort(remote.protocol()),
            remote.protocol() == Protocol.UDP ? org.switchboard.channels.sip.message.Params.EMPTY
                : org.switchboard.channels.sip.message.Params.EMPTY.with("transport", remote.protocol().name().toLowerCase(java.util.Locale.ROOT)), null);
        try {
            dialog = SipDialog.asUas(invite, localTag, NameAddr.of(contactUri));
        } catch (IllegalArgumentException e) {
            PeerLog.log(PbxLog.Level.NOTICE, PeerLog.CHAN_SIP, remote, "INVITE " + callId + " refused: " + e.getMessage());
            finish();
            tx.respond(stack.routerReply(invite, 400, localTag));
            return;
        }
        Pbx pbx = stack.pbx();
        String base = peer != null ? peer.name() : remote.address().getAddress().getHostAddress();
        Channel c = pbx.allocChannel(stack.technology() + "/" + base + "-" + pbx.channels().nextSuffix(), this, null);
        NameAddr from = invite.from();
        c.callerId().setName(from.displayName() == null ? "" : from.displayName());
        c.callerId().setNumber(from.uri() == null || from.uri().user() == null ? "" : from.uri().user());
        NameAddr asserted = stack.registrar().rules().assertedIdentity(peer, invite);
        if (asserted != null) { // res_pjsip trust_id_inbound: what the trusted peer asserts wins
            c.callerId().setName(asserted.displayName() == null ? "" : asserted.displayName());
            c.callerId().setNumber(asserted.uri() == null || asserted.uri().user() == null ? "" : asserted.uri().user());
        }
        if (peer != null) {
            if (asserted == null && peer.callerIdName() != null) c.callerId().setName(peer.callerIdName());
            if (asserted == null && peer.callerIdNumber() != null) c.callerId().setNumber(peer.callerIdNumber());
            if (peer.language() != null) c.setLanguage(peer.language());
            if (peer.accountCode() != null) c.setAccountCode(peer.accountCode());
        }
        c.callerId().setDnid(exten);
        pbx.events().newCallerid(c);
        c.setVar("SIPCALLID", callId);
        c.setVar("SIPURI", "sip:" + remote.address().getAddress().getHostAddress() + ":" + remote.address().getPort());
        String ua = invite.header("User-Agent");
        if (ua != null) c.setVar("SIPUSERAGENT", ua);
        channel = c;
        stack.calls().add(this);
        stack.calls().addInbound(callId, fromTag(), this);
        c.setState(ChannelState.RING);
        c.setLocation(context, exten, 1);
        pbx.startPbx(c);
    }

    @Override
    public void answer(Channel c) {
        lock.lock();
        try {
            if (!session.state().isEarly()) return; // answered, refused, cancelled or hung up already
            byte[] sdp = offerInInvite ? SdpWriter.toBytes(media.negotiated().answer())
                : SdpWriter.toBytes(media.offer(localHost(), null)); // §13.2.1: no offer in the INVITE, ours goes in the 2xx
            SipResponse ok = withContact(reply(invite, 200)).withBody("application/sdp", sdp);
            dialog.confirm();
            session.accept();
            mediaMayFlow = true;
            sent2xx = ok;
            stack.calls().removePending(tx);
            media.rtp().setTimeouts(stack.settings().rtpTimeout(), stack.settings().rtpHoldTimeout()); // counted from the answer
            send2xxUntilAcked(tx, ok);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void indicate(Channel c, Frame.Control control) {
        if (holdMusic(c, control)) return;
        int refuse = 0;
        lock.lock();
        try {
            if (!session.state().isEarly()) return;
            switch (control) {
                case RINGING -> {
                    if (provisionalsSent.add(Frame.Control.RINGING) && session.sendingProvisional()) {
                        tx.respond(withContact(reply(invite, 180)));
                    }
                }
                case PROGRESS -> sendProgress();
                case BUSY -> refuse = 486;
                case CONGESTION -> refuse = 503;
                default -> { }
            }
            if (refuse != 0 && session.refuse()) refuseInvite(refuse);
            else refuse = 0;
        } finally {
            lock.unlock();
        }
        if (refuse != 0) c.softHangup(refuse == 486 ? HangupCause.USER_BUSY : HangupCause.NORMAL_CIRCUIT_CONGESTION);
    }

    /** 183 Session Progress with our SDP answer, once: the caller hears early media from now on. Under the lock. */
    private void sendProgress() {
        if (!provisionalsSent.add(Frame.Control.PROGRESS) || !session.sendingProvisional()) return;
        mediaMayFlow = true;
        SipResponse p = withContact(reply(invite, 183));
        if (offerInInvite) p = p.withBody("application/sdp", SdpWriter.toBytes(media.negotiated().answer()));
        tx.respond(p);
    }

    @Override
    protected void beforeMedia() {
        if (mediaMayFlow) return;
        lock.lock();
        try {
            if (session.state().isEarly()) sendProgress();
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected void refuseInvite(int status) {
        stack.calls().removePending(tx);
        tx.respond(reply(invite, status));
    }

    /** §9.2: an unanswered INVITE ends with 487 (the router has answered the CANCEL itself with 200). */
    @Override
    public boolean onCancel() {
        lock.lock();
        try {
            if (!session.onCancel()) return false;
            stack.calls().removePending(tx);
            tx.respond(reply(invite, 487));
        } finally {
            lock.unlock();
        }
        PbxLog.verbose(3, "Got CANCEL on " + (channel == null ? callId : channel.name()));
        remoteHangup(HangupCause.NORMAL_CLEARING);
        return true;
    }
}
