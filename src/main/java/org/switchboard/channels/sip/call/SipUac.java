package org.switchboard.channels.sip.call;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.switchboard.channels.sip.SipRequestRouter;
import org.switchboard.channels.sip.SipStack;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.dialog.SipDialog;
import org.switchboard.channels.sip.message.CSeq;
import org.switchboard.channels.sip.message.DigestClient;
import org.switchboard.channels.sip.message.DigestCredentials;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.Headers;
import org.switchboard.channels.sip.message.SipMethod;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.channels.sip.sdp.SdpNegotiator;
import org.switchboard.channels.sip.sdp.SdpWriter;
import org.switchboard.channels.sip.sdp.SessionDescription;
import org.switchboard.channels.sip.transaction.ClientInviteTransaction;
import org.switchboard.channels.sip.transaction.ClientTransaction;
import org.switchboard.channels.sip.transaction.ClientTransactionUser;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.channels.sip.transport.PeerLog;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupCause;
import org.switchboard.core.PbxLog;

/**
 * An outgoing call (we are the UAC, RFC 3261 §13.2): the INVITE with our offer, digest
 * credentials when challenged (§22.2), provisional responses as ringing/progress with early
 * media, the ACK for the 2xx, and CANCEL when our side gives up first (§9.1).
 */
public final class SipUac extends SipCall implements ClientTransactionUser {
    private final SipUri requestUri;
    private final String toHeader;
    private final String preferredCodec;
    private volatile SipRequest invite;
    private ClientTransaction inviteTx;
    private SipRequest ack;
    private int authTries;
    private volatile Channel requestor;   // the dialing channel: told each refusal (HANGUPCAUSE())
    private List<Endpoint> alternates = List.of();   // RFC 3263 §4.3: the next targets, under the lock
    private String contactUser;

    public SipUac(SipStack stack, SipPeer peer, SipMedia media, Endpoint target, SipUri requestUri, String toHeader,
           String preferredCodec) {
        super(stack, InviteSession.Role.UAC, peer, media, org.switchboard.channels.sip.message.SipIds.callId(stack.localHost(target.address().getAddress())),
            org.switchboard.channels.sip.message.SipIds.tag(), target);
        this.requestUri = requestUri;
        this.toHeader = toHeader;
        this.preferredCodec = preferredCodec;
    }

    @Override public boolean isInbound() { return false; }
    @Override public SipRequest initialRequest() { return invite; }

    /** The targets to try, in order, when {@code target} fails with a transport error, a timeout or a 503 (RFC 3263 §4.3). */
    public void alternates(List<Endpoint> next) {
        lock.lock();
        try {
            alternates = new ArrayList<>(next);
        } finally {
            lock.unlock();
        }
    }

    public void attach(Channel c, Channel requestor) {
        channel = c;
        this.requestor = requestor;
    }

    @Override
    public void call(Channel c, String destination, int timeoutMs) {
        lock.lock();
        try {
            invite = buildInvite();
            stack.calls().add(this);
            inviteTx = stack.layer().sendRequest(invite, remote, this);
        } finally {
            lock.unlock();
        }
    }

    private SipRequest buildInvite() {
        String host = localHost();
        int port = stack.localPort(remote.protocol());
        Channel c = channel;
        String num = c.callerId().number() == null || c.callerId().number().isEmpty() ? "asterisk" : c.callerId().number();
        String name = c.callerId().name() == null ? "" : c.callerId().name();
        String fromUser = peer != null && peer.fromUser() != null ? peer.fromUser() : num;
        String fromDomain = peer != null && peer.fromDomain() != null ? peer.fromDomain() : host;
        contactUser = fromUser;
        String display = name.isEmpty() ? "" : "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\" ";
        SessionDescription offer = media.offer(host, preferredCodec);
        Headers.Builder h = Headers.builder()
            .add(HeaderNames.VIA, stack.newVia(remote).toString())
            .add(HeaderNames.MAX_FORWARDS, "70")
            .add(HeaderNames.FROM, display + "<sip:" + fromUser + "@" + fromDomain + ">;tag=" + localTag)
            .add(HeaderNames.TO, toHeader)
            .add(HeaderNames.CONTACT, contact())
            .add(HeaderNames.CALL_ID, callId)
            .add(HeaderNames.CSEQ, new CSeq(SipCall.FIRST_CSEQ, SipMethod.INVITE).toString())
            .add(HeaderNames.USER_AGENT, stack.settings().userAgent())
            .addLine(HeaderNames.ALLOW, SipRequestRouter.ALLOW)
            .addLine(HeaderNames.SUPPORTED, "replaces, timer")
            .add(HeaderNames.CONTENT_TYPE, "application/sdp");
        SipAddedHeaders.addTo(c, h);
        stack.registrar().rules().addIdentityHeaders(peer, name, num, fromDomain, (c.callerId().pres() & 0x60) == 0x20, h); // AST_PRES_RESTRICTED
        OutgoingHeaderEdits edits = c.datastore(OutgoingHeaderEdits.class);
        if (edits != null) edits.applyTo(h); // PJSIP_HEADER(add|update|remove) from a pre-dial handler
        return new SipRequest(SipMethod.INVITE, requestUri, h.build(), SdpWriter.toBytes(offer));
    }

    private String contact() {
        return "<sip:" + contactUser + "@" + localHost() + ":" + stack.localPort(remote.protocol()) + remote.protocol().uriParam() + ">";
    }

    /**
     * RFC 3263 §4.3: the INVITE again, to the next target, as a new transaction (new branch, next
     * CSeq); false when there is none left or our side has given up. Under the lock.
     */
    private boolean tryNextTarget(String why) {
        if (alternates.isEmpty() || !session.state().isEarly()) return false;   // TERMINATING: our side gave up
        Endpoint failed = remote;
        remote = alternates.remove(0);
        PbxLog.verbose(3, (channel == null ? callId : channel.name()) + ": " + why + " from " + failed.protocol() + " "
            + failed.address().getAddress().getHostAddress() + ":" + failed.address().getPort() + "; trying "
            + remote.protocol() + " " + remote.address().getAddress().getHostAddress() + ":" + remote.address().getPort());
        Headers h = invite.headers().toBuilder()
            .set(HeaderNames.VIA, stack.newVia(remote).toString())
            .set(HeaderNames.CSEQ, new CSeq(invite.cseq().seq() + 1, SipMethod.INVITE).toString())
            .set(HeaderNames.CONTACT, contact())
            .build();
        invite = new SipRequest(SipMethod.INVITE, invite.uri(), h, invite.body());
        session.retried();
        inviteTx = stack.layer().sendRequest(invite, remote, this);
        return true;
    }

    @Override
    public void onResponse(ClientTransaction tx, SipResponse r) {
        int status = r.status();
        Frame.Control show = null;
        boolean byeAfterAck = false;
        lock.lock();
        try {
            if (tx != inviteTx && !r.isSuccess()) return; // the first INVITE's leftovers after a challenge
            if (status < 200) {
                if (session.cancelNowAllowed()) { // §9.1: any provisional, 100 too, allows the CANCEL we wanted
                    cancelInvite();
                    return;
                }
                boolean withTag = status > 100 && r.to() != null && r.to().tag() != null;
                if (!session.onProvisional(withTag)) return;
                if (r.hasBody() && media.awaitingAnswer()) acceptAnswer(r); // early media (183 with SDP)
                show = status == 100 ? Frame.Control.PROCEEDING
                    : status == 180 || status == 181 || status == 182 ? Frame.Control.RINGING : Frame.Control.PROGRESS;
            } else if (r.isSuccess()) {
                SipDialog d = dialog;
                String tag = r.to() == null ? null : r.to().tag();
                if (d != null && d.state() == SipDialog.State.CONFIRMED && tag != null && !tag.equals(d.remoteTag())) {
                    endFork(r); // §13.2.2.4: a second fork answered too — ACK it, then BYE it
                    return;
                }
                InviteSession.Success step = session.onSuccess();
                if (!confirm(r)) return;
                if (step == InviteSession.Success.ACK_AGAIN) return; // a retransmission: ACKed again above
                if (step == InviteSession.Success.ACK_AND_BYE) {
                    byeAfterAck = true; // §15: it crossed our CANCEL (or came after we gave up): ACK, then BYE
                } else if (media.awaitingAnswer() && !acceptAnswer(r)) {
                    byeAfterAck = true;
                    session.failAfterAnswer();
                    fail(HangupCause.BEARERCAPABILITY_NOTAVAIL, "no usable SDP answer in " + status);
                } else {
                    media.rtp().setTimeouts(stack.settings().rtpTimeout(), stack.settings().rtpHoldTimeout()); // from the answer
                    show = Frame.Control.ANSWER;
                }
            } else if ((status == 401 || status == 407) && retryWithCredentials(r)) {
                return;
            } else if (status == 503 && tryNextTarget("503")) {
                return;
            } else {
                if (!session.onFailure()) return;
                fail(SipCauses.fromResponse(status), status + " " + (r.reason() == null ? "" : r.reason()));
                tellRequestor("SIP " + status + " " + (r.reason() == null ? "" : r.reason()), SipCauses.fromResponse(status));
            }
        } finally {
            lock.unlock();
        }
        if (byeAfterAck) {
            sendBye();
            return;
        }
        Channel c = channel;
        if (show != null && c != null) {
            if (show == Frame.Control.ANSWER) c.setState(ChannelState.UP);
            else if (show == Frame.Control.RINGING && c.state() != ChannelState.UP) c.setState(ChannelState.RINGING);
            c.queueFrame(Frame.control(show));
        }
    }

    /** The 2xx: the dialog is confirmed and ACKed (§13.2.2.4). Returns false when it cannot be. */
    private boolean confirm(SipResponse r) {
        if (dialog == null || dialog.state() != SipDialog.State.CONFIRMED) {
            try {
                dialog = SipDialog.asUac(invite, r);
            } catch (IllegalArgumentException e) {
                PeerLog.log(PbxLog.Level.WARNING, PeerLog.CHAN_SIP, remote, "Unusable 2xx on " + channel.name() + ": " + e.getMessage());
                session.terminate(); // no dialog to send a BYE on
                fail(HangupCause.FAILURE, "unusable 2xx");
                return false;
            }
        }
        SipRequest a = dialog.createRequest(SipMethod.ACK, stack.newVia(remote));
        ack = new SipRequest(a.method(), a.uri(), a.headers().toBuilder()
            .add(HeaderNames.USER_AGENT, stack.settings().userAgent()).build(), null);
        stack.layer().sendStateless(ack, remote);
        return true;
    }

    private void endFork(SipResponse r) {
        try {
            SipDialog fork = SipDialog.asUac(invite, r);
            stack.layer().sendStateless(fork.createRequest(SipMethod.ACK, stack.newVia(remote)), remote);
            stack.layer().sendRequest(fork.createRequest(SipMethod.BYE, stack.newVia(remote)), remote, LOG_ONLY);
            PbxLog.verbose(3, "Hung up a second answering fork of " + callId);
        } catch (IllegalArgumentException | IllegalStateException e) {
            PeerLog.log(PbxLog.Level.NOTICE, PeerLog.CHAN_SIP, remote, "Unusable 2xx from a second fork of " + callId + ": " + e.getMessage());
        }
    }

    @Override
    protected void finish() {
        SipRequest a = ack;
        if (a != null) stack.calls().rememberAck(callId, localTag, a, remote, stack.scheduler()); // its 2xx may come again
        super.finish();
    }

    private boolean acceptAnswer(SipResponse r) {
        SessionDescription answer = SipMedia.parse(r.body());
        return answer != null && media.acceptAnswer(answer, localHost()) instanceof SdpNegotiator.Accepted;
    }

    @Override
    public void onRetransmitted2xx(SipResponse r) {
        SipRequest a = ack;
        if (a != null) stack.layer().sendStateless(a, remote);
    }

    /** §22.2: the INVITE again, with credentials for the challenge; false when we have none or tried. */
    private boolean retryWithCredentials(SipResponse r) {
        if (!session.state().isEarly() || peer == null || peer.secret() == null || authTries >= 2) return false;
        DigestClient.Choice ch = DigestClient.choose(r); // the strongest algorithm we support (RFC 8760)
        if (ch == null) return false;
        if (authTries > 0 && !ch.digest().stale()) return false; // the password was refused
        authTries++;
        String user = peer.defaultUser() != null ? peer.defaultUser() : peer.name();
        String cnonce = Long.toHexString(ThreadLocalRandom.current().nextLong());
        DigestCredentials cred = DigestClient.answer(ch, user, peer.secret(), SipMethod.INVITE,
            invite.uri().toString(), cnonce, 1);
        long seq = invite.cseq().seq() + 1;
        Headers h = invite.headers().toBuilder()
            .set(HeaderNames.VIA, stack.newVia(remote).toString())
            .set(HeaderNames.CSEQ, new CSeq(seq, SipMethod.INVITE).toString())
            .set(ch.answerHeader(), cred.toHeaderValue())
            .build();
        invite = new SipRequest(SipMethod.INVITE, invite.uri(), h, invite.body());
        session.retried(); // §9.1: a CANCEL now waits for a provisional to this INVITE
        inviteTx = stack.layer().sendRequest(invite, remote, this);
        return true;
    }

    @Override
    public void onTimeout(ClientTransaction tx) {
        lock.lock();
        try {
            if (tx != inviteTx || tryNextTarget("no response (timeout)") || !session.onFailure()) return;
            fail(HangupCause.NO_USER_RESPONSE, "no response (timeout)");
            tellRequestor("SIP 408 Request Timeout", HangupCause.NO_USER_RESPONSE);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onTransportError(ClientTransaction tx, Throwable cause) {
        lock.lock();
        try {
            if (tx != inviteTx || tryNextTarget("transport error") || !session.onFailure()) return;
            fail(HangupCause.NORMAL_CIRCUIT_CONGESTION, "transport error: " + cause); // §8.1.3.1: as a 503
        } finally {
            lock.unlock();
        }
    }

    private void tellRequestor(String techCause, int cause) {
        Channel req = requestor, c = channel;
        if (req != null && c != null) req.putDialedCause(c.name(), techCause, cause);
    }

    /** The call failed before an answer: the dialer sees the cause (DIALSTATUS). Under the lock. */
    private void fail(int cause, String why) {
        Channel c = channel;
        PbxLog.verbose(3, (c == null ? callId : c.name()) + " failed: " + why);
        if (c == null) return;
        c.setHangupCause(cause);
        c.queueFrame(Frame.control(Frame.Control.HANGUP));
    }

    /** §9.1: the CANCEL is built by the INVITE's client transaction, from the INVITE as sent. Under the lock. */
    @Override
    protected void sendCancel() { cancelInvite(); }

    private void cancelInvite() {
        if (!(inviteTx instanceof ClientInviteTransaction itx)) return;
        SipRequest cancel = itx.cancelRequest();
        cancel = cancel.withHeaders(cancel.headers().toBuilder().add(HeaderNames.USER_AGENT, stack.settings().userAgent()).build());
        stack.layer().sendRequest(cancel, remote, LOG_ONLY); // its 200 (or 481) tells us nothing the INVITE's 487 will not
    }
}
