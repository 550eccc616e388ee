package org.switchboard.channels.sip.config;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

/**
 * One peer/user/friend section of sip.conf, templates already applied; immutable.
 *
 * @param name        the section name: what {@code Dial(SIP/name)} and the REGISTER To user name
 * @param type        friend, peer or user
 * @param host        null for {@code host=dynamic} (the peer registers), else a name or address
 * @param port        {@code port=}, 5060 by default
 * @param secret      plain password, or null
 * @param md5secret   MD5 of {@code name:realm:secret} (lower-case hex), or null
 * @param codecs      the {@code disallow}/{@code allow} result, in preference order
 * @param qualifyMs   0 for no qualify, else the round-trip limit in ms ({@code yes} = 2000)
 * @param insecure    {@code port} and/or {@code invite}
 * @param acl         {@code permit}/{@code deny}, last match wins
 * @param callLimit   0 for no limit
 * @param transport   how calls and requests to the peer go when its address is configured
 *                    ({@code transport=}, the first word; a registered peer's contact says its own)
 * @param encryption  {@code encryption=yes} (SDES-SRTP), pjsip's {@code media_encryption}
 * @param mohInterpret the music on hold class this peer hears when the other side of its call holds
 *                    ({@code mohinterpret=}, also in [general]); null for musiconhold.conf's {@code default}
 * @param file        where the section header is
 * @param line        its line
 */
public record SipPeer(String name, PeerType type, String host, int port, String secret, String md5secret,
                      String defaultUser, String fromUser, String fromDomain, String context, String callerId,
                      List<Codec> codecs, DtmfMode dtmfMode, Nat nat, int qualifyMs, Set<Insecure> insecure,
                      Acl acl, int callLimit, String language, String accountCode, String mailbox,
                      org.switchboard.channels.sip.transport.Protocol transport, MediaEncryption encryption,
                      String mohInterpret, String file, int line) {

    /** {@code insecure=} words. */
    public enum Insecure { PORT, INVITE }

    public SipPeer {
        codecs = List.copyOf(codecs);
        insecure = Set.copyOf(insecure);
    }

    /** {@code host=dynamic}: the peer's address comes from its REGISTER. */
    public boolean isDynamic() { return host == null; }

    /** Whether {@code address} passes the peer's permit/deny list. */
    public boolean allows(InetAddress address) { return acl.allows(address); }

    /** Whether the peer has any password to authenticate with. */
    public boolean hasSecret() {
        return (secret != null && !secret.isEmpty()) || (md5secret != null && !md5secret.isEmpty());
    }

    /** The caller-id name from {@code callerid="Name" <number>}, or null. */
    public String callerIdName() {
        if (callerId == null) return null;
        int lt = callerId.indexOf('<');
        String n = (lt < 0 ? callerId : callerId.substring(0, lt)).trim();
        if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) n = n.substring(1, n.length() - 1);
        return n.isEmpty() || (lt < 0 && n.matches("[0-9*#+]+")) ? null : n;
    }

    /** The caller-id number from {@code callerid="Name" <number>} (or a bare number), or null. */
    public String callerIdNumber() {
        if (callerId == null) return null;
        int lt = callerId.indexOf('<');
        int gt = callerId.indexOf('>', lt + 1);
        if (lt >= 0 && gt > lt) return callerId.substring(lt + 1, gt).trim();
        String n = callerId.trim();
        return n.matches("[0-9*#+]+") ? n : null;
    }
}
