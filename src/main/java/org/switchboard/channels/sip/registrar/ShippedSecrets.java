package org.switchboard.channels.sip.registrar;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.switchboard.channels.sip.config.SipPeer;
import org.switchboard.channels.sip.transport.PeerLog;
import org.switchboard.core.PbxLog;

/**
 * The sample passwords {@code conf/sip.conf} and {@code conf/pjsip.conf} ship, which the README
 * prints: anyone can guess them. While a peer's secret is still one of them, a request it
 * authenticates is accepted only from loopback and private addresses; from anywhere else it is
 * refused as a wrong password would be. A newcomer who runs the sample on a public host then has
 * no account a stranger can use.
 */
public final class ShippedSecrets {
    /** The secrets of the shipped desk phones; a test checks these against conf/. */
    public static final List<String> VALUES = List.of("change-me-0001", "change-me-0002");

    private ShippedSecrets() {}

    public static boolean isShipped(String secret) { return secret != null && VALUES.contains(secret); }

    /** Whether the peer's (plain) secret is a shipped sample. */
    public static boolean isShipped(SipPeer peer) { return peer != null && isShipped(peer.secret()); }

    /**
     * Whether a request from {@code a} may authenticate with a shipped secret: loopback, the private
     * ranges of RFC 1918 (10/8, 172.16/12, 192.168/16) and RFC 4193 (fc00::/7), link-local
     * (169.254/16, fe80::/10). An IPv4-mapped IPv6 address is judged as its IPv4 address.
     */
    public static boolean allowedFrom(InetAddress a) {
        if (a == null) return false;
        if (a.isLoopbackAddress() || a.isLinkLocalAddress()) return true;
        if (a instanceof Inet6Address) {
            byte[] b = a.getAddress();
            return (b[0] & 0xfe) == 0xfc; // RFC 4193 unique local
        }
        byte[] b = a.getAddress();
        int o0 = b[0] & 0xff, o1 = b[1] & 0xff;
        return o0 == 10 || (o0 == 172 && o1 >= 16 && o1 <= 31) || (o0 == 192 && o1 == 168);
    }

    /**
     * The verdict on credentials that were checked against {@code peer}'s secret: unchanged, or
     * {@code WRONG} when {@link #refuses} says so.
     */
    public static DigestAuthenticator.Verdict gate(DigestAuthenticator.Verdict v, SipPeer peer, InetSocketAddress source,
                                                   String method) {
        if (v == DigestAuthenticator.Verdict.WRONG) return v;
        return refuses(peer, source, method) ? DigestAuthenticator.Verdict.WRONG : v;
    }

    /**
     * Whether a request that knows {@code peer}'s secret is still refused: the secret is a shipped
     * sample and {@code source} is public. Says so in one line of the log (limited per address).
     */
    public static boolean refuses(SipPeer peer, InetSocketAddress source, String method) {
        if (!isShipped(peer) || allowedFrom(source.getAddress())) return false;
        PeerLog.log(PbxLog.Level.WARNING, PeerLog.CHAN_SIP, source, method + " from " + PeerLog.address(source)
            + " for peer '" + peer.name() + "' refused: its secret is still the sample one in " + fileOf(peer)
            + ", accepted only from loopback and private networks");
        return true;
    }

    /** The start-up warning for a peer with a shipped secret, naming its file. */
    public static String warning(String file, String what, String name) {
        return file + ": " + what + " " + name + " still has the sample secret; accepted only from loopback and private networks";
    }

    private static String fileOf(SipPeer peer) {
        String f = peer.file();
        if (f == null) return "its config file";
        int slash = Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\'));
        return slash >= 0 ? f.substring(slash + 1) : f;
    }
}
