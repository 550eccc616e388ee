package org.switchboard.channels.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/**
 * A PBX with chan_sip on 127.0.0.1 (a free port) for tests: sip.conf's [general] gets the bind
 * line, the rest is the test's; extensions.conf as given; RTP on a private port range.
 */
public final class SipPbxFixture implements AutoCloseable {
    public final Path dir;
    public final TestPbx pbx;

    private SipPbxFixture(Path dir) {
        this.dir = dir;
        this.pbx = new TestPbx(dir);
    }

    /**
     * @param general lines for [general] after the bind address
     * @param peers   peer sections, as sip.conf text
     */
    public static SipPbxFixture start(Path dir, String general, String peers, String extensions) throws IOException {
        Files.writeString(dir.resolve("sip.conf"), "[general]\nudpbindaddr=127.0.0.1:0\n" + general + "\n" + peers + "\n");
        Files.writeString(dir.resolve("extensions.conf"), extensions);
        // below the kernel's ephemeral range (32768+), where SIPp and the phones get their ports
        // (a test may have written its own rtp.conf first)
        if (!Files.exists(dir.resolve("rtp.conf"))) Files.writeString(dir.resolve("rtp.conf"), "[general]\nrtpstart=21000\nrtpend=22998\n");
        Files.writeString(dir.resolve("modules.conf"), "[modules]\nautoload=yes\nnoload => chan_skype\nnoload => res_manager\n");
        SipPbxFixture f = new SipPbxFixture(dir);
        if (SipModule.get(f.pbx.pbx) == null) {
            f.close();
            throw new IllegalStateException("chan_sip did not load: " + f.pbx.log);
        }
        return f;
    }

    public SipStack stack() { return SipModule.get(pbx.pbx).stack(); }

    private static final java.util.concurrent.atomic.AtomicInteger LOOPBACKS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A loopback address of its own (127.0.0.2, .3, ...) for a test peer: log lines about a peer
     * are rate-limited per address for the whole JVM, so a test that counts them must not share
     * its address with whatever ran in the ten seconds before it.
     */
    public static InetAddress nextLoopback() {
        int n = LOOPBACKS.getAndIncrement();
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, (byte) (n / 250), (byte) (2 + n % 250)});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() { return stack().udpAddress().getPort(); }

    /** The live channels whose name starts with {@code prefix}. */
    public long channels(String prefix) {
        return pbx.pbx.channels().all().stream().map(Channel::name).filter(n -> n.startsWith(prefix)).count();
    }

    @Override
    public void close() { pbx.close(); }

    /** A bare UDP SIP peer for hand-written messages (bad input, security). */
    public static final class RawPeer implements AutoCloseable {
        public final DatagramSocket socket;

        public RawPeer() throws IOException { this(InetAddress.getLoopbackAddress()); }

        /** A peer on its own loopback address (see {@link #nextLoopback()}). */
        public RawPeer(InetAddress bind) throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(bind, 0));
        }

        public int port() { return socket.getLocalPort(); }

        public void send(int toPort, String message) throws IOException {
            byte[] b = message.replace("\n", "\r\n").replace("\r\r\n", "\r\n").getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), toPort));
        }

        public void sendRaw(int toPort, byte[] b) throws IOException {
            socket.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), toPort));
        }

        /** The next message, or null when none came within {@code wait}. */
        public String receive(Duration wait) throws IOException {
            socket.setSoTimeout((int) wait.toMillis());
            byte[] buf = new byte[65536];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                return null;
            }
            return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
        }

        /** The next final response (provisional ones skipped), or null. */
        public String finalResponse(Duration wait) throws IOException { return finalResponse(wait, null); }

        /**
         * The next final response to the request with {@code callId} (others, and retransmissions
         * of earlier ones that a raw peer never ACKs, are skipped), or null when none came in time.
         */
        public String finalResponse(Duration wait, String callId) throws IOException {
            long end = System.nanoTime() + wait.toNanos();
            for (;;) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) return null;
                String m = receive(Duration.ofMillis(left));
                if (m == null) return null;
                if (m.startsWith("SIP/2.0 1")) continue;
                if (callId != null && !m.contains("\r\nCall-ID: " + callId + "\r\n")) continue;
                return m;
            }
        }

        /**
         * The next message whose first line starts with {@code start} and whose CSeq ends with
         * {@code cseq} (a method, or "2 INVITE"), skipping others (retransmissions among them);
         * null when none came within {@code wait}.
         */
        public String next(String start, String cseq, Duration wait) throws IOException {
            long end = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < end) {
                String m = receive(Duration.ofMillis(Math.max(1, Math.min(500, (end - System.nanoTime()) / 1_000_000))));
                String c = m == null ? null : header(m, "CSeq:");
                if (m != null && m.startsWith(start) && c != null && c.endsWith(" " + cseq)) return m;
            }
            return null;
        }

        @Override public void close() { socket.close(); }
    }

    /** The first line of {@code msg} that starts with {@code prefix} (a header with its name), or null. */
    public static String header(String msg, String prefix) {
        return msg.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
    }

    /**
     * A raw peer's response to {@code req}: its Via, From, Call-ID and CSeq, its To with
     * {@code toTag} added when it has none, then {@code extraHeaders} (lines ending in "\n").
     */
    public static String respond(String req, int status, String reason, String toTag, String extraHeaders) {
        StringBuilder b = new StringBuilder("SIP/2.0 " + status + " " + reason + "\n");
        for (String l : req.lines().toList()) {
            if (l.startsWith("Via:") || l.startsWith("From:") || l.startsWith("Call-ID:") || l.startsWith("CSeq:")) b.append(l).append('\n');
            if (l.startsWith("To:")) b.append(l).append(l.contains(";tag=") ? "" : ";tag=" + toTag).append('\n');
        }
        return b.append(extraHeaders).append("Content-Length: 0\n\n").toString();
    }

    /** A minimal INVITE from {@code user} at the raw peer, with an SDP offer of PCMU. */
    public static String invite(int pbxPort, int fromPort, String user, String exten, String callId, String extraHeaders) {
        String sdp = "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\nm=audio 40000 RTP/AVP 0\na=rtpmap:0 PCMU/8000\n";
        int len = sdp.replace("\n", "\r\n").length();
        return "INVITE sip:" + exten + "@127.0.0.1:" + pbxPort + " SIP/2.0\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:" + fromPort + ";branch=z9hG4bK" + callId.hashCode() + "x" + System.nanoTime() + ";rport\n"
            + "Max-Forwards: 70\n"
            + "From: <sip:" + user + "@127.0.0.1>;tag=t" + callId.hashCode() + "\n"
            + "To: <sip:" + exten + "@127.0.0.1>\n"
            + "Call-ID: " + callId + "\n"
            + "CSeq: 1 INVITE\n"
            + "Contact: <sip:" + user + "@127.0.0.1:" + fromPort + ">\n"
            + extraHeaders
            + "Content-Type: application/sdp\n"
            + "Content-Length: " + len + "\n\n" + sdp;
    }
}
