package org.switchboard.channels.sip;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.switchboard.channels.sip.call.SipInbound;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.channels.sip.message.NameAddr;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.registrar.DigestAuthenticator;
import org.switchboard.channels.sip.transaction.ServerTransaction;
import org.switchboard.channels.sip.transport.PeerLog;
import org.switchboard.core.Channel;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.core.message.TextMessage;

/**
 * An out-of-dialog MESSAGE (RFC 3428) into the dialplan, as chan_sip's receive_message does with
 * {@code accept_outofcall_message=yes}: text/plain only (else 415), the sender's peer proves its
 * secret when {@code auth_message_requests} is on (the default), then 202 Accepted and a Message
 * channel runs {@code outofcall_message_context} (else the peer's or the general context) at the
 * Request-URI's user, with MESSAGE(body|from|to) filled in. Off (the default): 405.
 */
final class SipInboundMessage {
    private SipInboundMessage() {}

    static void receive(SipStack stack, ServerTransaction tx, SipRequest r) {
        SipSettings s = stack.settings();
        SipSettings.OutOfCallMessages rules = s.outOfCall();
        String tag = SipIds.tag();
        InetSocketAddress src = tx.peer().address();
        if (!rules.accept()) {
            PeerLog.log(PbxLog.Level.NOTICE, PeerLog.CHAN_SIP, src, "MESSAGE outside a call from " + src.getAddress().getHostAddress()
                + " refused: accept_outofcall_message is off");
            tx.respond(stack.routerReply(r, 405, tag));
            return;
        }
        String type = r.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
            tx.respond(stack.routerReply(r, 415, tag)); // RFC 3428 §8: text/plain is the one we take
            return;
        }
        NameAddr from = r.from();
        String fromUser = from == null || from.uri() == null ? null : from.uri().user();
        SipPeer peer = SipInbound.match(stack, s, fromUser, src);
        if (rules.authenticate() && !proved(stack, tx, r, peer, tag)) return;
        Pbx pbx = stack.pbx();
        String context = rules.context() != null ? rules.context()
                : peer != null && peer.context() != null ? peer.context() : s.context();
        String exten = r.uri().user() == null || r.uri().user().isEmpty() ? "s" : r.uri().user();
        if (!pbx.dialplan().exists(context, exten, 1, fromUser)) {
            if (!pbx.dialplan().exists(context, "s", 1, fromUser)) {
                PeerLog.log(PbxLog.Level.WARNING, PeerLog.CHAN_SIP, src, "MESSAGE to '" + exten + "' refused: no such extension in context '"
                    + context + "'");
                tx.respond(stack.routerReply(r, 404, tag));
                return;
            }
            exten = "s";
        }
        tx.respond(stack.routerReply(r, 202, tag));
        String body = r.body() == null ? "" : new String(r.body(), StandardCharsets.UTF_8);
        TextMessage m = new TextMessage(body, r.header("From"), r.uri().toString(), peer == null ? null : peer.name());
        Channel c = TextMessage.route(pbx, m, context, exten);
        pbx.startPbx(c);
    }

    /** auth_message_requests: a peer with a secret proves it (challenge, then digest), a stranger gets 403. */
    private static boolean proved(SipStack stack, ServerTransaction tx, SipRequest r, SipPeer peer, String tag) {
        InetSocketAddress src = tx.peer().address();
        if (peer == null) {
            if (stack.settings().allowGuest()) return true;
            PeerLog.authFailure(src, "MESSAGE from '" + r.header("From") + "' refused: no matching peer");
            tx.respond(stack.routerReply(r, 403, tag));
            return false;
        }
        if (!peer.hasSecret()) return true;
        DigestAuthenticator.Proof proof = SipInbound.prove(stack, tx, r, peer, tag); // the same steps as INVITE
        if (proof == DigestAuthenticator.Proof.MISSING || proof == DigestAuthenticator.Proof.STALE) return false;
        if (proof == DigestAuthenticator.Proof.WRONG) {
            PeerLog.authFailure(src, "Failed to authenticate device '" + r.header("From") + "' for MESSAGE - Wrong password");
            tx.respond(stack.routerReply(r, 403, tag));
            return false;
        }
        return true;
    }
}
