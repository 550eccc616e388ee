package org.switchboard.channels.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A bare TCP connection to the PBX's SIP port from a chosen loopback address, for hand-written bytes. */
final class SipTcpPeer implements AutoCloseable {
    final Socket socket;

    SipTcpPeer(InetAddress from, InetSocketAddress to) throws IOException {
        socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(to, 5000);
        socket.setSoTimeout(5000);
    }

    int port() { return socket.getLocalPort(); }

    void write(String text) throws IOException { write(text.getBytes(StandardCharsets.ISO_8859_1)); }

    void write(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /**
     * The next message the PBX sends (head and Content-Length body), or null when the connection
     * ends first or nothing comes within {@code wait}.
     */
    String read(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) return null;
                if (head.size() == 0 && (c == '\r' || c == '\n')) continue; // pongs between messages
                head.write(c);
            }
        } catch (SocketTimeoutException | SocketException e) {
            return null;
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        int at = h.indexOf("\r\nContent-Length: ");
        int len = at < 0 ? 0 : Integer.parseInt(h.substring(at + 18, h.indexOf('\r', at + 2)).trim());
        return h + new String(in.readNBytes(len), StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether the PBX ends the connection within {@code wait}: reads until end of stream (or a
     * reset), polling every {@code poll}, and calls {@code onQuiet} each time nothing came, so a
     * caller can keep trickling bytes the way a slowloris client does.
     */
    boolean closedWithin(Duration wait, Duration poll, IoAction onQuiet) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        socket.setSoTimeout((int) poll.toMillis());
        InputStream in = socket.getInputStream();
        while (System.nanoTime() < deadline) {
            try {
                if (in.read() < 0) return true;
            } catch (SocketTimeoutException e) {
                try {
                    onQuiet.run();
                } catch (IOException gone) { // broken pipe: the PBX has closed it
                    return true;
                }
            } catch (SocketException reset) {
                return true;
            }
        }
        return false;
    }

    boolean closedWithin(Duration wait) throws IOException { return closedWithin(wait, Duration.ofMillis(100), () -> { }); }

    /** Something to do while waiting that may fail because the connection is gone. */
    interface IoAction { void run() throws IOException; }

    @Override public void close() throws IOException { socket.close(); }

    /** An OPTIONS over TCP from {@code peer}, with {@code callId}: what a prober or phone sends. */
    static String options(SipTcpPeer peer, String callId) {
        return "OPTIONS sip:x@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 127.0.0.1:" + peer.port() + ";branch=z9hG4bK" + callId + ";rport\r\n"
            + "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=p1\r\nTo: <sip:x@127.0.0.1>\r\n"
            + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
    }

    /** The status line of {@code message}, or null. */
    static String status(String message) { return message == null ? null : message.substring(0, message.indexOf('\r')); }
}
