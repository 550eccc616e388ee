package org.switchboard.channels.sip;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.channels.sip.call.SipInbound;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.message.CSeq;
import org.switchboard.channels.sip.message.DigestCredentials;
import org.switchboard.channels.sip.message.HeaderNames;
import org.switchboard.channels.sip.message.Headers;
import org.switchboard.channels.sip.message.NameAddr;
import org.switchboard.channels.sip.message.SipIds;
import org.switchboard.channels.sip.message.SipMethod;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.channels.sip.message.SipResponse;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.channels.sip.registrar.DigestAuthenticator;
import org.switchboard.channels.sip.transaction.ClientTransaction;
import org.switchboard.channels.sip.transaction.ClientTransactionUser;
import org.switchboard.channels.sip.transaction.ServerTransaction;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.channels.sip.transport.PeerLog;
import org.switchboard.core.PbxLog;

/**
 * SUBSCRIBE to {@code message-summary} (RFC 3842 over RFC 6665), as chan_sip answers it: the
 * subscriber must be a peer with {@code mailbox=} that proves its secret (digest, as for an
 * INVITE); the subscription is a dialog whose NOTIFYs carry {@code Subscription-State}; one
 * NOTIFY goes at once (§4.1.3), then one per count change, and a final one with
 * {@code terminated} when it is ended with Expires: 0. A subscribed peer gets no unsolicited NOTIFY.
 */
final class SipMwiSubscriptions {
    /** chan_sip's min_expiry / max_expiry for subscriptions. */
    static final int MIN_EXPIRY = 60, MAX_EXPIRY = 3600;
    /** Subscriptions one peer may hold at once (a phone needs one); a new one beyond ends the oldest. */
    static final int PER_PEER = 4;

    /** One subscription: the dialog (RFC 3261 §12) from our side. */
    private record Sub(String peer, String callId, NameAddr local, NameAddr remote, SipUri target, Endpoint to,
                       AtomicLong cseq, Instant expires) {}

    private final SipStack stack;
    private final Map<String, Sub> byCallId = new ConcurrentHashMap<>();

    SipMwiSubscriptions(SipStack stack) { this.stack = stack; }

    /** An incoming SUBSCRIBE with {@code Event: message-summary}. */
    void onSubscribe(ServerTransaction tx, SipRequest r, SipMwi mwi) {
        String toTag = r.to() == null ? null : r.to().tag();
        long asked = r.expires();
        int expires = (int) (asked < 0 ? MAX_EXPIRY : Math.min(asked, MAX_EXPIRY));
        if (expires > 0 && expires < MIN_EXPIRY) {
            SipResponse resp = stack.routerReply(r, 423, toTag == null ? SipIds.tag() : null); // RFC 6665 §4.2.1.1
            tx.respond(resp.withHeaders(resp.headers().toBuilder().add("Min-Expires", Integer.toString(MIN_EXPIRY)).build()));
            return;
        }
        Sub sub;
        if (toTag != null) { // a refresh or an unsubscribe within the dialog
            sub = byCallId.get(r.callId());
            if (sub == null || !toTag.equals(sub.local().tag())) {
                tx.respond(stack.routerReply(r, 481, null));
                return;
            }
        } else {
            SipPeer peer = authenticate(tx, r);
            if (peer == null) return; // answered
            List<NameAddr> contacts = r.contacts();
            if (contacts.isEmpty() || contacts.get(0).uri() == null || r.from() == null || r.from().tag() == null) {
                tx.respond(stack.routerReply(r, 400, SipIds.tag()));
                return;
            }
            sub = new Sub(peer.name(), r.callId(), r.to().withTag(SipIds.tag()), r.from(), contacts.get(0).uri(),
                tx.peer(), new AtomicLong(1), Instant.now());
        }
        SipResponse ok = stack.routerReply(r, 200, toTag == null ? sub.local().tag() : null);
        tx.respond(ok.withHeaders(ok.headers().toBuilder().add(HeaderNames.EXPIRES, Integer.toString(expires))
            .add(HeaderNames.CONTACT, contact(sub.to())).build()));
        Sub now = new Sub(sub.peer(), sub.callId(), sub.local(), sub.remote(), sub.target(), sub.to(), sub.cseq(),
            Instant.now().plusSeconds(expires));
        if (expires == 0) {
            byCallId.remove(sub.callId());
            notify(now, mwi, "terminated;reason=timeout");
        } else {
            if (toTag == null) makeRoom(sub.peer());
            byCallId.put(sub.callId(), now);
            notify(now, mwi, "active;expires=" + expires);
        }
    }

    /** Forgets expired subscriptions, and the peer's oldest while it holds {@link #PER_PEER}: the map stays bounded. */
    private void makeRoom(String peer) {
        Instant now = Instant.now();
        byCallId.values().removeIf(s -> !now.isBefore(s.expires()));
        List<Sub> mine = byCallId.values().stream().filter(s -> s.peer().equals(peer))
            .sorted(java.util.Comparator.comparing(Sub::expires)).toList();
        for (int i = 0; i <= mine.size() - PER_PEER; i++) byCallId.remove(mine.get(i).callId(), mine.get(i));
    }

    /** Sends the counts to every live subscription of {@code peer}; false when it has none. */
    boolean notifyPeer(SipPeer peer, SipMwi mwi) {
        boolean any = false;
        Instant now = Instant.now();
        for (Sub s : byCallId.values()) {
            if (!s.peer().equals(peer.name())) continue;
            if (!now.isBefore(s.expires())) {
                byCallId.remove(s.callId(), s);
                continue;
            }
            notify(s, mwi, "active;expires=" + Math.max(1, s.expires().getEpochSecond() - now.getEpochSecond()));
            any = true;
        }
        return any;
    }

    private void notify(Sub s, SipMwi mwi, String state) {
        SipPeer peer = stack.settings().peer(s.peer());
        if (peer == null) return;
        String host = stack.localHost(s.to().address().getAddress());
        byte[] body = mwi.body(peer, host);
        Headers h = Headers.builder()
            .add(HeaderNames.VIA, stack.newVia(s.to()).toString())
            .add(HeaderNames.MAX_FORWARDS, "70")
            .add(HeaderNames.FROM, s.local().toString())
            .add(HeaderNames.TO, s.remote().toString())
            .add(HeaderNames.CONTACT, contact(s.to()))
            .add(HeaderNames.CALL_ID, s.callId())
            .add(HeaderNames.CSEQ, new CSeq(s.cseq().getAndIncrement(), SipMethod.NOTIFY).toString())
            .add(HeaderNames.USER_AGENT, stack.settings().userAgent())
            .add("Event", "message-summary")
            .add("Subscription-State", state)
            .add(HeaderNames.CONTENT_TYPE, "application/simple-message-summary")
            .build();
        stack.layer().sendRequest(new SipRequest(SipMethod.NOTIFY, s.target(), h, body), s.to(), new ClientTransactionUser() {
            @Override public void onResponse(ClientTransaction tx, SipResponse r) {
                // RFC 6665 §4.1.3: a 481 ends the subscription on our side too
                if (r.status() == 481) byCallId.remove(s.callId());
            }

            @Override public void onTimeout(ClientTransaction tx) {
                byCallId.remove(s.callId());
                PbxLog.debug("chan_sip.c", "MWI subscription of '" + s.peer() + "' ended: NOTIFY unanswered");
            }
        });
    }

    private String contact(Endpoint to) {
        return "<sip:asterisk@" + stack.localHost(to.address().getAddress()) + ":" + stack.localPort(to.protocol()) + ">";
    }

    /** chan_sip's check_user for SUBSCRIBE: the From user's peer, with its secret; null once answered. */
    private SipPeer authenticate(ServerTransaction tx, SipRequest r) {
        String tag = SipIds.tag();
        String user = r.from() == null || r.from().uri() == null ? null : r.from().uri().user();
        InetSocketAddress src = tx.peer().address();
        SipPeer peer = user == null ? null : stack.settings().peer(user);
        if (peer == null) peer = SipInbound.match(stack, stack.settings(), user, src);
        DigestAuthenticator auth = stack.registrar().authenticator();
        if (peer == null || !peer.allows(src.getAddress())) {
            tx.respond(stack.router().serverHeader(auth.challenge(r, tag, false))); // alwaysauthreject's answer
            return null;
        }
        if (peer.hasSecret()) {
            DigestCredentials cred = auth.credentials(r);
            if (cred == null) {
                tx.respond(stack.router().serverHeader(auth.challenge(r, tag, false)));
                return null;
            }
            DigestAuthenticator.Verdict v = org.switchboard.channels.sip.registrar.ShippedSecrets.gate(
                auth.verify(r, cred, peer.name(), peer.secret(), peer.md5secret()), peer, src, "SUBSCRIBE");
            if (v == DigestAuthenticator.Verdict.STALE) {
                tx.respond(stack.router().serverHeader(auth.challenge(r, tag, true)));
                return null;
            }
            if (v == DigestAuthenticator.Verdict.WRONG) {
                PeerLog.authFailure(src, "Failed to authenticate device " + r.header("From") + " for SUBSCRIBE - Wrong password");
                tx.respond(stack.routerReply(r, 403, tag));
                return null;
            }
        }
        if (peer.mailbox() == null || peer.mailbox().isBlank()) {
            tx.respond(stack.routerReply(r, 404, tag)); // chan_sip: "404 Not found (no mailbox)"
            return null;
        }
        stack.authenticated(tx.peer());
        return peer;
    }
}
