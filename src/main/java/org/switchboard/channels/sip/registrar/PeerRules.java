package org.switchboard.channels.sip.registrar;

import java.net.InetAddress;
import org.switchboard.channels.sip.config.SipPeer;

/**
 * What a configuration dialect decides per peer that the peer record does not say: sip.conf
 * (chan_sip) and pjsip.conf (res_pjsip) drive the same stack, and differ in these. The defaults
 * are chan_sip's.
 */
public interface PeerRules {
    PeerRules CHAN_SIP = new PeerRules() {};

    /** The digest username the peer must answer a challenge with (chan_sip: the peer's name). */
    default String authUser(SipPeer peer) { return peer.name(); }

    /** Contacts kept for the peer; -1 for the registrar's own limit; 0 refuses every registration (res_pjsip). */
    default int maxContacts(SipPeer peer) { return -1; }

    /**
     * Whether a contact beyond {@link #maxContacts} replaces the oldest (chan_sip; res_pjsip's
     * {@code remove_existing=yes}) or the REGISTER is refused with 403 (res_pjsip's default).
     */
    default boolean removeExisting(SipPeer peer) { return true; }

    /**
     * Whether an INVITE is challenged with 407 Proxy-Authenticate (chan_sip, RFC 3261 §22.3) or,
     * like a REGISTER, with 401 WWW-Authenticate (res_pjsip challenges every request so).
     */
    default boolean proxyChallengeForInvite() { return true; }

    /** Registration intervals in seconds, as a REGISTER's Expires is bounded (RFC 3261 §10.3 step 7). */
    record Expiry(int dflt, int min, int max) {}

    /** chan_sip: [general]'s defaultexpiry/minexpiry/maxexpiry; res_pjsip: the aor's. */
    default Expiry expiry(SipPeer peer, org.switchboard.channels.sip.config.SipSettings s) {
        return new Expiry(s.defaultExpiry(), s.minExpiry(), s.maxExpiry());
    }

    /** How the peer's media is carried when it is not plain RTP (WebRTC: ICE and DTLS-SRTP), or null for plain RTP. */
    default org.switchboard.channels.sip.config.IceDtlsMedia iceDtls(SipPeer peer) { return null; }

    /**
     * Whether responses go to the port a UDP request came from even when its Via did not ask for
     * rport (RFC 3581), decided before the peer is known: chan_sip's [general] {@code nat=}
     * (its default {@code auto_force_rport}: when Via and source differ).
     */
    default boolean forceRport(org.switchboard.channels.sip.config.SipSettings s, boolean viaDiffersFromSource) {
        return s.nat().useSourceAddress(viaDiffersFromSource);
    }

    /**
     * The peer a request belongs to by what it carries, before its source or From name is looked at
     * (res_pjsip's line identifier: the {@code line} parameter an outbound registration put in its
     * Contact), or null.
     */
    default SipPeer identify(org.switchboard.channels.sip.message.SipRequest request) { return null; }

    /** The peer a request from {@code address} belongs to before its From name is looked at (res_pjsip identify), or null. */
    default SipPeer identify(InetAddress address) { return null; }

    /**
     * Whether a request from {@code source} must be refused with 403 before anything else looks at
     * it (res_pjsip_acl's {@code type=acl}); the rules log why. chan_sip has no such list.
     */
    default boolean deniedByAcl(org.switchboard.channels.sip.transport.Endpoint source,
                                org.switchboard.channels.sip.message.SipRequest request) { return false; }

    /**
     * The caller identity an incoming INVITE asserts that the peer is trusted for (res_pjsip's
     * {@code trust_id_inbound}: P-Asserted-Identity, else Remote-Party-ID), or null to use From
     * and the peer's callerid as chan_sip does.
     */
    default org.switchboard.channels.sip.message.NameAddr assertedIdentity(SipPeer peer,
            org.switchboard.channels.sip.message.SipRequest invite) { return null; }

    /**
     * Adds the identity headers the peer is to be sent (res_pjsip's {@code send_pai}/{@code send_rpid})
     * for a call from {@code name} {@code <number>} at {@code domain}; {@code restricted} when
     * the caller's presentation forbids it.
     */
    default void addIdentityHeaders(SipPeer peer, String name, String number, String domain, boolean restricted,
                                    org.switchboard.channels.sip.message.Headers.Builder headers) {}
}
