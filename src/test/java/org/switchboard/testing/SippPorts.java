package org.switchboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Free ports on 127.0.0.1 for SIPp, and whether a port is bound (read from /proc/net, no probing). */
final class SippPorts {
    private SippPorts() {}

    static int freeUdp() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freeTcp() {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = s.getLocalPort();
                if (udpFree(port)) return port; // SIPp's -t t1 binds the UDP port too
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free TCP+UDP port");
    }

    /** SIPp's media (-mp) needs port and port + 2 (RTP audio and video echo sockets). */
    static int freeUdpPair() {
        for (int i = 0; i < 50; i++) {
            int port = freeUdp();
            if (port < 65530 && udpFree(port + 2)) return port;
        }
        throw new IllegalStateException("no free UDP port pair");
    }

    private static boolean udpFree(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when something on this host has the port bound (UDP) or listening (TCP). */
    static boolean bound(int port, boolean tcp) {
        String hex = String.format(Locale.ROOT, ":%04X ", port);
        for (String table : tcp ? new String[] {"tcp", "tcp6"} : new String[] {"udp", "udp6"}) {
            Path p = Path.of("/proc/net", table);
            if (!Files.isReadable(p)) continue;
            try {
                for (String line : Files.readAllLines(p)) {
                    String[] f = line.trim().split("\\s+");
                    // local_address is field 1; TCP state 0A is LISTEN
                    if (f.length > 3 && (f[1] + " ").endsWith(hex) && (!tcp || f[3].equals("0A"))) return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }
}
