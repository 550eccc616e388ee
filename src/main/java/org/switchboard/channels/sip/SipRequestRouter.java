package org.switchboard.channels.sip;

import org.switchboard.channels.sip.call.SipCall;
import org.switchboard.channels.sip.call.SipInbound;
import org.switchboard.channels.sip.call.SipUas;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.message.SipMethod;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipResponses;
import org.switchboard.channels.sip.registrar.BindingEvent;
import org.switchboard.channels.sip.registrar.RegisterOutcome;
import org.switchboard.channels.sip.transaction.ServerInviteTransaction;
import org.switchboard.channels.sip.transaction.ServerTransaction;
import org.switchboard.channels.sip.transaction.TransactionUser;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.core.PbxLog;

/**
 * The UAS core (RFC 3261 §8.2): sends each new request where it belongs — REGISTER to the
 * registrar, a new INVITE to {@link SipInbound}, in-dialog requests to their {@link SipCall} — and
 * answers what nobody handles. Runs on the dialog's strand ({@link SipStrands}), never on a socket thread.
 */
public final class SipRequestRouter implements TransactionUser {
    /** What we answer in Allow (OPTIONS, 405). */
    public static final String ALLOW = "INVITE, ACK, CANCEL, OPTIONS, BYE, REGISTER, INFO, SUBSCRIBE";

    private final SipStack stack;

    SipRequestRouter(SipStack stack) { this.stack = stack; }

    @Override
    public void onRequest(ServerTransaction tx, SipRequest r) {
        if (stack.registrar().rules().deniedByAcl(tx.peer(), r)) {
            tx.respond(reply(r, 403, SipIds.tag())); // res_pjsip_acl answers 403 to an address its ACL refuses
            return;
        }
        int mf = r.maxForwards();
        if (mf == 0 && !r.method().equals(SipMethod.OPTIONS)) {
            tx.respond(reply(r, 483, null)); // §8.2.2? no: §16.3 step 3 — a UA refuses too, as chan_sip does
            return;
        }
        String toTag = r.to() == null ? null : r.to().tag();
        if (understood(r.method())) { // §8.2: the method first (501/405), then Require (§8.2.2.3)
            java.util.List<String> unsupported = SipExtensions.unsupported(r);
            if (!unsupported.isEmpty()) {
                tx.respond(SipExtensions.badExtension(this, r, unsupported, toTag == null ? SipIds.tag() : null));
                return;
            }
        }
        switch (r.method()) {
            case SipMethod.REGISTER -> register(tx, r);
            case SipMethod.INVITE -> {
                if (toTag != null) {
                    inDialog(tx, r, toTag);
                } else {
                    SipUas existing = stack.calls().inbound(r.callId(), r.from() == null ? null : r.from().tag());
                    if (existing != null) existing.absorbRetransmission((ServerInviteTransaction) tx, r);
                    else SipInbound.admit(stack, (ServerInviteTransaction) tx, r);
                }
            }
            case SipMethod.BYE, SipMethod.INFO -> inDialog(tx, r, toTag);
            case SipMethod.OPTIONS -> tx.respond(options(r));
            case SipMethod.SUBSCRIBE -> subscribe(tx, r);
            case SipMethod.MESSAGE -> {
                if (toTag == null) SipInboundMessage.receive(stack, tx, r);
                else tx.respond(withAllow(reply(r, 405, SipIds.tag())));
            }
            case SipMethod.NOTIFY, SipMethod.REFER, SipMethod.PUBLISH,
                 SipMethod.PRACK, SipMethod.UPDATE -> tx.respond(withAllow(reply(r, 405, SipIds.tag())));
            default -> tx.respond(withAllow(reply(r, 501, SipIds.tag())));
        }
    }

    private void register(ServerTransaction tx, SipRequest r) {
        Endpoint src = tx.peer();
        RegisterOutcome out = stack.registrar().register(r, src.address(), src.protocol().name());
        if (out.isDropped()) { // a blocked address hears nothing, and nothing of it is kept
            tx.abandon();
            return;
        }
        if (out.peer() != null) stack.authenticated(src); // its TCP connection is trusted from now on
        tx.respond(out.response());
        for (BindingEvent e : out.events()) {
            switch (e.kind()) {
                case ADDED, REFRESHED -> {
                    if (e.kind() == BindingEvent.Kind.ADDED) PbxLog.verbose(3, "Registered SIP '" + e.binding().peer()
                        + "' at " + e.binding().targetHost() + ":" + e.binding().targetPort());
                    SipModule m = SipModule.get(stack.pbx()); // chan_sip: "ask subsystem to retransmit msg counter"
                    if (m != null && m.background() != null) m.background().mwi().registered(e.binding().peer());
                }
                case REMOVED -> PbxLog.verbose(3, "Unregistered SIP '" + e.binding().peer() + "'");
                default -> { }
            }
        }
        stack.bindingsChanged(out.events());
    }

    /** RFC 6665: message-summary (RFC 3842) is the one event package we serve; others get 489. */
    private void subscribe(ServerTransaction tx, SipRequest r) {
        String event = r.header("Event");
        String pkg = event == null ? "" : event.split(";", 2)[0].strip();
        SipModule m = SipModule.get(stack.pbx());
        if (!pkg.equalsIgnoreCase("message-summary") || m == null || m.background() == null) {
            SipResponse resp = reply(r, 489, r.to() != null && r.to().tag() != null ? null : SipIds.tag());
            tx.respond(resp.withHeaders(resp.headers().toBuilder().add("Allow-Events", "message-summary").build()));
            return;
        }
        m.background().mwi().onSubscribe(tx, r);
    }

    private void inDialog(ServerTransaction tx, SipRequest r, String toTag) {
        SipCall call = stack.calls().find(r.callId(), toTag);
        if (call == null) {
            tx.respond(reply(r, 481, null)); // §12.2.2: no such dialog
            return;
        }
        call.onRequest(tx, r);
    }

    /**
     * Every CANCEL we receive (§9.2): 200 to the CANCEL itself; an unanswered INVITE ends with 487
     * through its call's session (which also hangs the channel up). A CANCEL that finds the INVITE
     * answered changes nothing. The INVITE's admission ran before on this dialog's strand, so a
     * call that was admitted is pending here, and one that was refused has its final response.
     */
    @Override
    public void onCancel(ServerTransaction cancelTx, ServerInviteTransaction inviteTx, SipRequest cancel) {
        cancelTx.respond(reply(cancel, 200, null));
        SipCall call = stack.calls().pending(inviteTx);
        if (call != null) call.onCancel();
        else if (!inviteTx.answered()) inviteTx.respond(reply(inviteTx.request(), 487, SipIds.tag()));
    }

    @Override
    public void onAck(SipRequest ack, Endpoint source) {
        String toTag = ack.to() == null ? null : ack.to().tag();
        SipCall call = stack.calls().find(ack.callId(), toTag);
        if (call != null) call.onAck(ack);
    }

    @Override
    public void onStrayResponse(SipResponse response, Endpoint source) {
        // §13.2.2.4: a retransmitted 2xx to our INVITE is acknowledged again
        if (!response.isSuccess() || response.cseq() == null || !response.cseq().method().equals(SipMethod.INVITE)) return;
        String fromTag = response.from() == null ? null : response.from().tag();
        SipCall call = stack.calls().find(response.callId(), fromTag);
        if (call != null) call.onRetransmitted2xx(response);
        else stack.calls().resendAck(response.callId(), fromTag, stack.layer()); // the call has ended meanwhile
    }

    SipResponse options(SipRequest r) {
        SipResponse resp = reply(r, 200, r.to() != null && r.to().tag() != null ? null : SipIds.tag());
        var h = resp.headers().toBuilder();
        h.addLine(HeaderNames.ALLOW, ALLOW);
        h.addLine(HeaderNames.ACCEPT, "application/sdp, application/dtmf-relay");
        h.addLine(HeaderNames.SUPPORTED, SipExtensions.SUPPORTED);
        return resp.withHeaders(h.build());
    }

    private static boolean understood(String method) {
        return switch (method) {
            case SipMethod.REGISTER, SipMethod.INVITE, SipMethod.BYE, SipMethod.INFO, SipMethod.OPTIONS,
                 SipMethod.SUBSCRIBE, SipMethod.MESSAGE -> true;
            default -> false;
        };
    }

    private static SipResponse withAllow(SipResponse resp) {
        return resp.withHeaders(resp.headers().toBuilder().addLine(HeaderNames.ALLOW, ALLOW).build());
    }

    /** A response with our Server header. */
    SipResponse reply(SipRequest r, int status, String tag) { return serverHeader(SipResponses.create(r, status, tag)); }

    public SipResponse serverHeader(SipResponse resp) {
        return resp.withHeaders(resp.headers().toBuilder().add("Server", stack.settings().userAgent()).build());
    }
}
