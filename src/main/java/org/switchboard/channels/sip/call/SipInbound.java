package org.switchboard.channels.sip.call;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.switchboard.channels.sip.SipStack;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.channels.sip.message.DigestCredentials;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.NameAddr;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.registrar.AuthFailureTracker;
import org.switchboard.channels.sip.registrar.Binding;
import org.switchboard.channels.sip.registrar.DigestAuthenticator;
import org.switchboard.channels.sip.registrar.ShippedSecrets;
import org.switchboard.channels.sip.sdp.Codec;
import org.switchboard.channels.sip.sdp.SdpNegotiator;
import org.switchboard.channels.sip.sdp.SessionDescription;
import org.switchboard.channels.sip.transaction.ServerInviteTransaction;
import org.switchboard.channels.sip.transaction.ServerTransaction;
import org.switchboard.channels.sip.transport.PeerLog;
import org.switchboard.core.PbxLog;
import org.switchboard.media.rtp.RtpSession;

/**
 * Decides what happens to a new INVITE, as chan_sip's handle_request_invite and check_user do:
 * who is calling (a user/friend by From name, a peer by address, or a guest), whether they proved
 * it (digest, RFC 3261 §22), whether the offer is usable and the extension exists; then it starts
 * a {@link SipUas}. Refusals never reach a dialplan.
 */
public final class SipInbound {
    private SipInbound() {}

    /**
     * Called on the dialog's strand (never the socket thread): a CANCEL for this INVITE runs after
     * it on the same strand, so it finds the call pending or the INVITE answered.
     */
    public static void admit(SipStack stack, ServerInviteTransaction tx, SipRequest r) {
        try {
            decide(stack, tx, r);
        } catch (RuntimeException e) {
            PeerLog.log(PbxLog.Level.ERROR, PeerLog.CHAN_SIP, tx.peer(), "Failed to handle INVITE " + r.callId() + ": " + e);
            tx.respond(stack.routerReply(r, 500, SipIds.tag()));
        }
    }

    private static void decide(SipStack stack, ServerInviteTransaction tx, SipRequest r) {
        SipSettings s = stack.settings();
        InetSocketAddress src = tx.peer().address();
        String tag = SipIds.tag();
        if (stack.registrar().failures().isBlocked(src.getAddress())) {
            tx.respond(stack.routerReply(r, 403, tag));
            return;
        }
        SessionDescription offer = null;
        if (r.hasBody()) {
            String ct = r.contentType() == null ? "" : r.contentType().toLowerCase(java.util.Locale.ROOT);
            if (!ct.startsWith("application/sdp")) { // §8.2.3: 415 lists what we read in Accept
                var resp = stack.routerReply(r, 415, tag);
                tx.respond(resp.withHeaders(resp.headers().toBuilder().addLine(HeaderNames.ACCEPT, "application/sdp").build()));
                return;
            }
            offer = SipMedia.parse(r.body());
            if (offer == null) {
                PeerLog.log(PbxLog.Level.WARNING, PeerLog.CHAN_SIP, src, "Malformed SDP in INVITE from " + src + " (Call-ID " + r.callId() + ")");
                tx.respond(stack.routerReply(r, 400, tag));
                return;
            }
        }
        NameAddr from = r.from();
        String fromUser = from.uri() == null ? null : from.uri().user();
        SipPeer peer = stack.registrar().rules().identify(r);   // res_pjsip: line= before address and username
        if (peer == null) peer = match(stack, s, fromUser, src);
        DigestAuthenticator auth = stack.registrar().authenticator();
        DigestCredentials cred = auth.credentials(r);
        AuthFailureTracker failures = stack.registrar().failures();
        String who = "'" + r.header("From") + "' from " + src.getAddress().getHostAddress() + ":" + src.getPort();
        if (peer != null) {
            if (!peer.allows(src.getAddress())) {
                PeerLog.authFailure(src, "Call from " + who + " rejected: device does not match ACL");
                failures.recordFailure(src, tx.peer().protocol().name(), peer.name(), AuthFailureTracker.Failure.FAILED_ACL);
                tx.respond(s.alwaysAuthReject() ? auth.challenge(r, tag, false, stack.registrar().rules().proxyChallengeForInvite()) : stack.routerReply(r, 403, tag));
                return;
            }
            boolean needAuth = peer.hasSecret() && !peer.insecure().contains(org.switchboard.channels.sip.config.SipPeer.Insecure.INVITE);
            if (needAuth) {
                DigestAuthenticator.Proof proof = prove(stack, tx, r, peer, tag);
                if (proof == DigestAuthenticator.Proof.MISSING || proof == DigestAuthenticator.Proof.STALE) return; // challenged
                if (proof == DigestAuthenticator.Proof.WRONG) {
                    PeerLog.authFailure(src, "Failed to authenticate device " + who + " for INVITE - Wrong password");
                    if (failures.recordFailure(src, tx.peer().protocol().name(), peer.name(), AuthFailureTracker.Failure.INVALID_PASSWORD)) {
                        tx.abandon(); // blocked from now on: it hears nothing
                        return;
                    }
                    tx.respond(s.alwaysAuthReject() ? stack.router().serverHeader(auth.challenge(r, tag, false, stack.registrar().rules().proxyChallengeForInvite()))
                        : stack.routerReply(r, 403, tag));
                    return;
                }
                failures.recordSuccess(src.getAddress());
            }
        } else if (!s.allowGuest()) {
            // alwaysauthreject: an unknown caller hears exactly what a known one without the password hears
            if (cred != null) {
                PeerLog.authFailure(src, "Failed to authenticate device " + who + " for INVITE - No matching peer found");
                if (failures.recordFailure(src, tx.peer().protocol().name(), fromUser == null ? "" : fromUser,
                        AuthFailureTracker.Failure.INVALID_ACCOUNT)) {
                    tx.abandon();
                    return;
                }
            } else {
                PeerLog.log(PbxLog.Level.NOTICE, PeerLog.CHAN_SIP, src, "Sending fake auth rejection for device " + who);
            }
            tx.respond(s.alwaysAuthReject() ? stack.router().serverHeader(auth.challenge(r, tag, false, stack.registrar().rules().proxyChallengeForInvite()))
                : stack.routerReply(r, 403, tag));
            return;
        }
        stack.authenticated(tx.peer()); // a known peer that proved itself, or a welcome guest (chan_sip's req->authenticated)
        String context = peer != null && peer.context() != null ? peer.context() : s.context();
        String exten = r.uri().user() == null || r.uri().user().isEmpty() ? "s" : r.uri().user();
        int semi = exten.indexOf(';');
        if (semi >= 0) exten = exten.substring(0, semi);
        String cid = from.uri() == null ? null : from.uri().user();
        var dp = stack.pbx().dialplan();
        if (dp.context(context) == null || !dp.exists(context, exten, 1, cid)) {
            PeerLog.log(PbxLog.Level.NOTICE, PeerLog.CHAN_SIP, src, "Call from " + who + " to extension '" + exten
                + "' rejected because extension not found in context '" + context + "'.");
            tx.respond(stack.routerReply(r, 404, tag));
            return;
        }
        String limit = org.switchboard.core.CallLimits.of(stack.pbx()).refusal(stack.pbx(), who);
        if (limit != null) { // asterisk.conf maxcalls / maxload, as pbx_start refuses in Asterisk
            tx.respond(stack.overload().refuse(stack, r, tag, tx.peer(), limit));
            return;
        }
        if (!SipCall.takeSlot(stack, peer)) {
            PeerLog.log(PbxLog.Level.NOTICE, PeerLog.CHAN_SIP, src, "Call from peer '" + peer.name() + "' rejected due to usage limit of " + peer.callLimit());
            tx.respond(stack.routerReply(r, 480, tag));
            return;
        }
        List<Codec> codecs = SipMedia.codecsFor(peer);
        boolean comedia = peer != null ? peer.nat().comedia() : s.nat().comedia();
        SipUas call;
        RtpSession rtp;
        SipMedia media;
        try {
            SipRtpListener listener = new SipRtpListener();
            media = SipMedia.open(stack, peer, src.getAddress(), false, listener, codecs,
                SipMedia.telephoneEvent(peer), comedia);
            rtp = media.rtp();
            call = new SipUas(stack, peer, media, r, tx, tag);
            listener.attach(call);
        } catch (java.io.IOException e) {
            PeerLog.log(PbxLog.Level.WARNING, PeerLog.CHAN_SIP, src, "Unable to create an RTP session for " + who + ": " + e.getMessage());
            SipCall.releaseSlot(stack, peer);
            tx.respond(stack.routerReply(r, 503, tag));
            return;
        }
        if (offer != null) {
            SdpNegotiator.Result res = media.answer(offer, stack.localHost(src.getAddress()));
            if (res instanceof SdpNegotiator.Rejected rej) {
                PeerLog.log(PbxLog.Level.NOTICE, PeerLog.CHAN_SIP, src, "Call from " + who + " rejected: " + rej.reason());
                rtp.close();
                SipCall.releaseSlot(stack, peer);
                tx.respond(stack.routerReply(r, 488, tag));
                return;
            }
        }
        call.ownSlot();
        try {
            call.start(context, exten, offer);
        } catch (RuntimeException e) {
            call.finish(); // the RTP port and the call-limit slot go back
            throw e;
        }
    }

    /**
     * The digest steps INVITE and MESSAGE share (RFC 3261 §22.4): a request without credentials,
     * or with a stale nonce, is challenged here (401, or 407 as the dialect asks); the caller
     * answers {@code WRONG} as its method does.
     */
    public static DigestAuthenticator.Proof prove(SipStack stack, ServerTransaction tx, SipRequest r, SipPeer peer, String tag) {
        DigestAuthenticator auth = stack.registrar().authenticator();
        DigestAuthenticator.Proof p = auth.prove(r, stack.registrar().rules().authUser(peer), peer.secret(), peer.md5secret());
        if ((p == DigestAuthenticator.Proof.PROVEN || p == DigestAuthenticator.Proof.STALE)
                && ShippedSecrets.refuses(peer, tx.peer().address(), r.method())) {
            p = DigestAuthenticator.Proof.WRONG; // a sample secret from a public address: as a wrong password
        }
        if (p == DigestAuthenticator.Proof.MISSING || p == DigestAuthenticator.Proof.STALE) {
            tx.respond(stack.router().serverHeader(auth.challenge(r, tag, p == DigestAuthenticator.Proof.STALE,
                stack.registrar().rules().proxyChallengeForInvite())));
        }
        return p;
    }

    /** chan_sip's check_user/check_peer: a user or friend by From name, else a peer by address. */
    public static SipPeer match(SipStack stack, SipSettings s, String fromUser, InetSocketAddress src) {
        SipPeer identified = stack.registrar().rules().identify(src.getAddress()); // res_pjsip: ip before username
        if (identified != null) return identified;
        SipPeer byName = s.peer(fromUser);
        if (byName != null && byName.type().isUser()) return byName;
        InetAddress a = src.getAddress();
        for (SipPeer p : s.peers().values()) {
            if (!p.type().isPeer()) continue;
            if (p.isDynamic()) {
                for (Binding b : stack.registrar().contacts(p.name())) {
                    if (b.source() != null && b.source().getAddress().equals(a)
                            && (b.source().getPort() == src.getPort() || p.insecure().contains(SipPeer.Insecure.PORT))) {
                        return p;
                    }
                }
            } else if (hostMatches(stack, p, a) && (p.port() == src.getPort() || p.insecure().contains(SipPeer.Insecure.PORT))) {
                return p;
            }
        }
        return null;
    }

    private static boolean hostMatches(SipStack stack, SipPeer p, InetAddress a) {
        InetAddress literal = org.switchboard.net.dns.HostsFile.literal(p.host());
        if (literal != null) return literal.equals(a);
        if (stack.settings().srvLookup()) {
            // a peer named by domain: the addresses RFC 3263 found for it when it was called or registered to,
            // from what the resolver remembers (this is a SIP strand: it must not wait on the DNS)
            for (var t : stack.rememberedLocator().locate(p.host(), 0, null, false).targets()) {
                if (t.address().getAddress().equals(a)) return true;
            }
            return false;
        }
        try {
            for (InetAddress h : InetAddress.getAllByName(p.host())) if (h.equals(a)) return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
        return false;
    }
}
