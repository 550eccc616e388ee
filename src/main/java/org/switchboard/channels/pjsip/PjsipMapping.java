package org.switchboard.channels.pjsip;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.switchboard.channels.pjsip.config.PjsipAor;
import org.switchboard.channels.pjsip.config.PjsipAuth;
import org.switchboard.channels.pjsip.config.PjsipEndpoint;
import org.switchboard.channels.pjsip.config.PjsipIdentify;
import org.switchboard.channels.pjsip.config.PjsipSettings;
import org.switchboard.channels.pjsip.config.PjsipTransport;
import org.switchboard.channels.sip.config.Acl;
import org.switchboard.channels.sip.config.Nat;
import org.switchboard.channels.sip.config.PeerType;
import org.switchboard.channels.sip.config.SipConfig;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.channels.sip.registrar.PeerRules;
import org.switchboard.channels.sip.transport.Protocol;
import org.switchboard.config.ConfigReader;

/**
 * pjsip.conf on the SIP stack: each endpoint becomes a peer (friend, dynamic) named as the
 * endpoint, with its auth's password; an aor that is not also an endpoint's name becomes a
 * registration-only peer with the password of the endpoint that lists it. {@link Rules} carries
 * what res_pjsip decides differently from chan_sip: the digest username is the auth's
 * {@code username}, contacts are limited by the aor's {@code max_contacts}/{@code remove_existing}
 * and expirations, and {@code identify} matches by address before the From user.
 *
 * @param sip   the stack's settings: transports' binds, no guests, 401 for every refusal
 * @param rules the per-peer decisions
 * @param pjsip the configuration as read
 */
public record PjsipMapping(SipSettings sip, Rules rules, PjsipSettings pjsip) {

    public static PjsipMapping of(PjsipSettings p) {
        Map<String, SipPeer> peers = new LinkedHashMap<>();
        Map<String, PjsipEndpoint> aorOwner = new LinkedHashMap<>();
        for (PjsipEndpoint e : p.endpoints().values()) {
            PjsipAuth auth = p.auth(e.auth());
            peers.put(e.name(), peer(e.name(), PeerType.FRIEND, e, auth, p));
            for (String a : e.aors()) aorOwner.putIfAbsent(a.toLowerCase(Locale.ROOT), e);
        }
        for (PjsipAor a : p.aors().values()) {
            PjsipEndpoint owner = aorOwner.get(a.name().toLowerCase(Locale.ROOT));
            if (owner == null || p.endpoint(a.name()) != null) continue;
            peers.put(a.name(), peer(a.name(), PeerType.PEER, owner, p.auth(owner.auth()), p));
        }
        PjsipTransport udp = p.transport("udp");
        PjsipTransport tcp = p.transport("tcp");
        PjsipTransport tls = p.transport("tls");
        PjsipTransport main = udp != null ? udp : tcp;
        SipSettings base = SipConfig.read(ConfigReader.parse("pjsip.conf", "", Path.of(".")));
        SipSettings sip = new SipSettings(main == null ? "0.0.0.0" : main.host(), main == null ? 5060 : main.port(),
            tcp != null, tcp == null ? "0.0.0.0" : tcp.host(), tcp == null ? 5060 : tcp.port(), "default",
            false, true, p.defaultRealm(), p.userAgent(), null, List.of(), Nat.NO, 0, 0, 3600, 7200, 60,
            base.digestAlgorithms(), base.jitterBuffer(), base.registerTimeout(), base.registerAttempts(),
            base.messageLimits(), base.tcpLimits(), base.timers(), tls == null ? null : tls.tls(), SipSettings.OutOfCallMessages.OFF, List.of(), peers, List.of(),
            true, p.problems());   // PJSIP always locates servers by RFC 3263
        return new PjsipMapping(sip, new Rules(p, aorOwner, peers), p);
    }

    private static SipPeer peer(String name, PeerType type, PjsipEndpoint e, PjsipAuth auth, PjsipSettings p) {
        // rewrite_contact: calls go where the REGISTER came from; rtp_symmetric: media to where RTP comes from
        Nat nat = new Nat(e.rewriteContact(), e.rtpSymmetric(), false);
        return new SipPeer(name, type, null, 5060, auth == null ? null : auth.password(),
            auth == null ? null : auth.md5Cred(), null, e.fromUser(), e.fromDomain(), e.context(), e.callerId(),
            e.codecs(), e.dtmfMode(), nat, 0, Set.of(), Acl.ALLOW_ALL, 0, e.language(), null, e.mailboxes(),
            transportOf(e, p), e.mediaEncryption(), null, e.file(), e.line());
    }

    /** The protocol of the transport an endpoint names ({@code transport=}), UDP when it names none. */
    static Protocol transportOf(PjsipEndpoint e, PjsipSettings p) {
        if (e.transport() == null) return Protocol.UDP;
        for (PjsipTransport t : p.transports()) if (t.name().equalsIgnoreCase(e.transport())) return Protocol.of(t.protocol());
        return Protocol.UDP;
    }

    /**
     * The peer as an outgoing call uses it: a challenge from the far end is answered with the
     * endpoint's {@code outbound_auth} (username and password), never with its inbound {@code auth},
     * and not at all without one, as res_pjsip does.
     */
    static SipPeer forDialing(SipPeer p, PjsipAuth outbound) {
        return new SipPeer(p.name(), p.type(), p.host(), p.port(), outbound == null ? null : outbound.password(),
            outbound == null ? null : outbound.md5Cred(), outbound == null ? null : outbound.username(), p.fromUser(),
            p.fromDomain(), p.context(), p.callerId(), p.codecs(), p.dtmfMode(), p.nat(), p.qualifyMs(), p.insecure(),
            p.acl(), p.callLimit(), p.language(), p.accountCode(), p.mailbox(), p.transport(), p.encryption(),
            p.mohInterpret(), p.file(), p.line());
    }

    /** res_pjsip's per-peer decisions for the registrar and the INVITE side. */
    public static final class Rules implements PeerRules {
        private final PjsipSettings p;
        private final Map<String, PjsipEndpoint> aorOwner;
        private final Map<String, SipPeer> peers;

        Rules(PjsipSettings p, Map<String, PjsipEndpoint> aorOwner, Map<String, SipPeer> peers) {
            this.p = p;
            this.aorOwner = Map.copyOf(aorOwner);
            this.peers = Map.copyOf(peers);
        }

        /** The endpoint a peer stands for: itself, or the endpoint that lists the aor. */
        PjsipEndpoint endpointOf(SipPeer peer) {
            PjsipEndpoint e = p.endpoint(peer.name());
            return e != null ? e : aorOwner.get(peer.name().toLowerCase(Locale.ROOT));
        }

        @Override
        public boolean proxyChallengeForInvite() { return false; }

        /** res_pjsip's force_rport=yes (the default), also for a request no endpoint is identified for yet. */
        @Override
        public boolean forceRport(org.switchboard.channels.sip.config.SipSettings s, boolean viaDiffersFromSource) { return true; }

        @Override
        public String authUser(SipPeer peer) {
            PjsipEndpoint e = endpointOf(peer);
            PjsipAuth a = e == null ? null : p.auth(e.auth());
            return a == null ? peer.name() : a.username();
        }

        @Override
        public int maxContacts(SipPeer peer) {
            PjsipAor a = p.aor(peer.name());
            // res_pjsip registers to the aor named in To; an endpoint with no aor of its name has none
            return a == null || endpointOf(peer) == null || !endpointOf(peer).aors().contains(a.name()) ? 0 : a.maxContacts();
        }

        @Override
        public boolean removeExisting(SipPeer peer) {
            PjsipAor a = p.aor(peer.name());
            return a != null && a.removeExisting();
        }

        @Override
        public Expiry expiry(SipPeer peer, SipSettings s) {
            PjsipAor a = p.aor(peer.name());
            if (a == null) return PeerRules.super.expiry(peer, s);
            int min = Math.min(a.minimumExpiration(), a.maximumExpiration());
            return new Expiry(Math.max(min, Math.min(a.maximumExpiration(), a.defaultExpiration())), min, a.maximumExpiration());
        }

        @Override
        public org.switchboard.channels.sip.config.IceDtlsMedia iceDtls(SipPeer peer) {
            PjsipEndpoint e = endpointOf(peer);
            return e == null ? null : e.media().iceDtls();
        }

        @Override
        public boolean deniedByAcl(org.switchboard.channels.sip.transport.Endpoint source,
                                   org.switchboard.channels.sip.message.SipRequest request) {
            return PjsipAclCheck.denied(p, source, request);
        }

        @Override
        public org.switchboard.channels.sip.message.NameAddr assertedIdentity(SipPeer peer,
                org.switchboard.channels.sip.message.SipRequest invite) {
            PjsipEndpoint e = peer == null ? null : endpointOf(peer);
            return e == null || !e.identity().trustInbound() ? null : PjsipCallerId.asserted(invite);
        }

        @Override
        public void addIdentityHeaders(SipPeer peer, String name, String number, String domain, boolean restricted,
                                       org.switchboard.channels.sip.message.Headers.Builder headers) {
            PjsipEndpoint e = peer == null ? null : endpointOf(peer);
            if (e != null) PjsipCallerId.addHeaders(e.identity(), name, number, domain, restricted, headers);
        }

        private volatile java.util.function.Function<String, String> lineOwner = line -> null;

        /** Where {@link #identify(org.switchboard.channels.sip.message.SipRequest)} finds the endpoint of a line token. */
        void lines(java.util.function.Function<String, String> endpointOfLine) { lineOwner = endpointOfLine; }

        /**
         * res_pjsip_outbound_registration's line identifier: the {@code line} parameter of the To URI,
         * else of the Request-URI, names a {@code type=registration} with {@code line=yes}; the
         * request belongs to that registration's {@code endpoint=}.
         */
        @Override
        public SipPeer identify(org.switchboard.channels.sip.message.SipRequest request) {
            String line = null;
            try {
                var to = request.to();
                if (to != null && to.uri() != null && to.uri().isSip()) line = to.uri().param("line");
            } catch (IllegalArgumentException e) {
                // an unreadable To: the Request-URI may still say
            }
            if (line == null && request.uri() != null && request.uri().isSip()) line = request.uri().param("line");
            if (line == null) return null;
            String endpoint = lineOwner.apply(line);
            return endpoint == null ? null : peers.get(endpoint);
        }

        @Override
        public SipPeer identify(InetAddress address) {
            // the first identify in file order that matches (res_pjsip_endpoint_identifier_ip)
            for (PjsipIdentify i : p.identifies()) if (i.matches(address)) return peers.get(i.endpoint());
            return null;
        }
    }
}
