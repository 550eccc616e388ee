package org.switchboard.channels.sip;

import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.channels.sip.config.SipSettings;

/**
 * The address we give a peer for ourselves (Via, Contact, SDP c=), as chan_sip's ast_ouraddrfor:
 * the bind address when it is a real one; else the interface the kernel would route to that peer
 * through; {@code externaddr} instead for peers outside {@code localnet}.
 */
final class SipLocalAddress {
    private final InetAddress bound;
    private final ConcurrentHashMap<InetAddress, InetAddress> routes = new ConcurrentHashMap<>();

    SipLocalAddress(InetAddress bound) { this.bound = bound; }

    /** Our address as seen from {@code remote}. */
    String forRemote(InetAddress remote, SipSettings s) {
        if (s.externAddr() != null && !s.externAddr().isBlank() && remote != null && !remote.isLoopbackAddress()
                && !s.isLocal(remote)) {
            String e = s.externAddr();
            int colon = e.lastIndexOf(':');
            return colon > 0 && e.indexOf(':') == colon ? e.substring(0, colon) : e;
        }
        if (!bound.isAnyLocalAddress()) return bound.getHostAddress();
        if (remote == null) return fallback();
        return routes.computeIfAbsent(remote, SipLocalAddress::route).getHostAddress();
    }

    /** The source address the kernel picks for {@code remote}: connecting a UDP socket sends nothing. */
    private static InetAddress route(InetAddress remote) {
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(new InetSocketAddress(remote, 5060));
            InetAddress a = s.getLocalAddress();
            return a == null || a.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : a;
        } catch (SocketException e) {
            return InetAddress.getLoopbackAddress();
        }
    }

    private String fallback() {
        try {
            InetAddress a = InetAddress.getLocalHost();
            return a instanceof Inet4Address ? a.getHostAddress() : "127.0.0.1";
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }
}
