package org.switchboard.channels.sip.transport;

import java.net.InetSocketAddress;
import org.switchboard.core.PbxLog;

/**
 * Log lines a remote peer can cause, through {@link PbxLog#limited}: the first few per (source,
 * peer address) in each window, then a count. Keyed by IP address, not port, so a flood from one
 * host is one flood whatever ports it sends from. Lines already bounded by the auth failure
 * tracker (a failed login, then a block) are keyed by address and port instead, as fail2ban
 * reads them ("failed for '192.0.2.1:5060'"), so each failure it must count reaches the log.
 */
public final class PeerLog {
    private PeerLog() {}

    /** Transport, parser and transaction lines. */
    public static final String SIP = "sip";
    /** Call, registration and authentication lines, named as chan_sip names them. */
    public static final String CHAN_SIP = "chan_sip.c";

    public static void log(PbxLog.Level level, String source, InetSocketAddress peer, String message) {
        PbxLog.limited(level, source, address(peer), message);
    }

    public static void log(PbxLog.Level level, String source, Endpoint peer, String message) {
        log(level, source, peer.address(), message);
    }

    /** A failed authentication the tracker counts: limited per address and port. */
    public static void authFailure(InetSocketAddress peer, String message) {
        PbxLog.limited(PbxLog.Level.NOTICE, CHAN_SIP, address(peer) + ":" + peer.getPort(), message);
    }

    /** The rate-limiting key of {@code peer}: its IP address, or its host name when unresolved. */
    public static String address(InetSocketAddress peer) {
        if (peer == null) return "?";
        return peer.getAddress() != null ? peer.getAddress().getHostAddress() : peer.getHostString();
    }
}
