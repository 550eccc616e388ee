package org.switchboard.channels.sip.config;

import java.util.List;
import java.util.Map;

/**
 * sip.conf as read: the [general] settings, the peers by name and the {@code register =>} lines;
 * immutable, so a reload swaps one snapshot for another. {@code problems} holds every warning and
 * error with file:line; the snapshot is still usable when it is not empty (bad lines are skipped).
 *
 * @param localnet        networks inside NAT ({@code localnet=}), for externaddr decisions
 * @param rtpTimeout      seconds of RTP silence before hanging up, 0 for never
 * @param registerTimeout  seconds before a {@code register =>} line tries again (chan_sip: 20)
 * @param registerAttempts tries before giving up, 0 for ever (chan_sip's default)
 * @param messageLimits   sizes a message may have ({@code maxheadersize=}, ours)
 * @param tcpLimits       what an unauthenticated TCP connection may cost ({@code tcpauthtimeout=},
 *                        {@code tcpauthlimit=} as chan_sip; {@code tcpauthlimitperaddress=}, ours)
 * @param tls             the TLS transport (chan_sip's {@code tlsenable} and {@code tls*}), null when off
 * @param jitterBuffer    {@code jbenable}, {@code jbmaxsize}, {@code jbimpl}: off by default, as in chan_sip
 * @param timers          T1 ({@code timert1=}, chan_sip's default 500 ms) and what follows from it
 *                        (RFC 3261 §17.1.1.1: T2 4 s, 64*T1 for timers B, F, H, J and L)
 * @param digestAlgorithms what we challenge with, in preference order ({@code digestalgorithms=}, ours; MD5 as chan_sip)
 * @param peers           by name, case-insensitive look-up through {@link #peer(String)}, in file order
 */
public record SipSettings(String udpBindAddr, int udpBindPort, boolean tcpEnable, String tcpBindAddr,
                          int tcpBindPort, String context, boolean allowGuest, boolean alwaysAuthReject,
                          String realm, String userAgent, String externAddr, List<Acl.Rule> localnet, Nat nat,
                          int rtpTimeout, int rtpHoldTimeout, int defaultExpiry, int maxExpiry, int minExpiry,
                          List<String> digestAlgorithms, JitterBufferSettings jitterBuffer,
                          int registerTimeout, int registerAttempts,
                          org.switchboard.channels.sip.message.SipLimits messageLimits,
                          org.switchboard.channels.sip.transport.TcpLimits tcpLimits,
                          org.switchboard.channels.sip.transaction.TimerSettings timers,
                          org.switchboard.channels.sip.transport.TlsSettings tls,
                          OutOfCallMessages outOfCall,
                          List<SipRegistration> registrations, Map<String, SipPeer> peers,
                          List<String> domains, boolean srvLookup, List<org.switchboard.config.ConfigProblem> problems) {

    public SipSettings {
        localnet = List.copyOf(localnet);
        digestAlgorithms = List.copyOf(digestAlgorithms);
        registrations = List.copyOf(registrations);
        domains = List.copyOf(domains);
        peers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(peers));
        problems = List.copyOf(problems);
    }

    /**
     * Out-of-dialog MESSAGE (chan_sip's {@code accept_outofcall_message}, off by default;
     * {@code outofcall_message_context}, else the peer's or the general context;
     * {@code auth_message_requests}, on by default).
     */
    public record OutOfCallMessages(boolean accept, String context, boolean authenticate) {
        public static final OutOfCallMessages OFF = new OutOfCallMessages(false, null, true);
    }

    /** chan_sip's jitter buffer options. */
    public record JitterBufferSettings(boolean enabled, int maxSizeMs, boolean adaptive) {
        public static final JitterBufferSettings OFF = new JitterBufferSettings(false, 200, false);
    }

    /** check_sip_domain: whether {@code domain=} in [general] names this domain (case-insensitive). */
    public boolean isLocalDomain(String domain) {
        for (String d : domains) if (d.equalsIgnoreCase(domain)) return true;
        return false;
    }

    /** The peer, user or friend with this name (case-insensitive, as chan_sip matches), or null. */
    public SipPeer peer(String name) {
        if (name == null) return null;
        SipPeer p = peers.get(name);
        if (p != null) return p;
        for (SipPeer q : peers.values()) if (q.name().equalsIgnoreCase(name)) return q;
        return null;
    }

    /** Whether {@code address} is in a {@code localnet=} network. */
    public boolean isLocal(java.net.InetAddress address) {
        for (Acl.Rule r : localnet) if (r.matches(address)) return true;
        return false;
    }
}
