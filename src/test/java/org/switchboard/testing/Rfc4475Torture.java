package org.switchboard.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 4475's 49 torture messages sent to a running PBX as a stranger would send them, byte for
 * byte from {@code sip/rfc4475/NAME.sip}, over UDP (one socket per message) or TCP (one connection
 * per message), with what the RFC expects from {@code sip/rfc4475/expected.tsv}. After each one a
 * fresh OPTIONS must still be answered 200: the PBX is alive and serving.
 */
public final class Rfc4475Torture {
    /** How long an answer may take; a message that needs none is judged by the probe behind it instead. */
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern STATUS = Pattern.compile("^SIP/2\\.0 (\\d{3})");
    private static final Pattern CALL_ID = Pattern.compile("(?im)^(?:Call-ID|i)[ \\t]*:[ \\t]*(\\S+)");

    private Rfc4475Torture() {}

    /** One row of expected.tsv. */
    public record Case(String name, String section, String udp, String tcp, String header, String rfc) {
        /** The '|'-separated outcomes the RFC allows over this transport. */
        public List<String> allowed(boolean overTcp) {
            return List.of((overTcp && !tcp.equals("=") ? tcp : udp).split("\\|"));
        }

        public byte[] bytes() { return message(name); }

        @Override public String toString() { return name + " (§" + section + ")"; }
    }

    /**
     * What the PBX did: {@code what} is the first final status, or {@code drop} (nothing before the
     * probe behind it was answered), {@code closed} (TCP: it closed the connection), {@code wait}
     * (TCP: nothing yet, the connection open), {@code none} (nothing within the wait);
     * {@code answers} every final answer seen for the message, {@code alive} whether the probe after
     * it got its 200.
     */
    public record Outcome(String what, List<String> answers, boolean alive) {
        public String first() { return answers.isEmpty() ? null : answers.get(0); }
    }

    public static List<Case> cases() {
        String tsv = new String(resource("expected.tsv"), StandardCharsets.UTF_8);
        List<Case> out = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length != 6) throw new IllegalStateException("expected.tsv: 6 columns wanted: " + line);
            out.add(new Case(f[0], f[1], f[2], f[3], f[4], f[5]));
        }
        return out;
    }

    public static byte[] message(String name) { return resource(name + ".sip"); }

    private static byte[] resource(String file) {
        try (InputStream in = Rfc4475Torture.class.getResourceAsStream("/sip/rfc4475/" + file)) {
            if (in == null) throw new IllegalStateException("no test resource sip/rfc4475/" + file);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the outcome is one the RFC allows, with the header it asks for. */
    public static boolean meets(Case c, boolean overTcp, Outcome o) {
        if (!o.alive()) return false;
        boolean ok = false;
        for (String a : c.allowed(overTcp)) {
            ok |= switch (a) {
                case "final" -> o.what().matches("[2-6]\\d\\d") && !o.what().equals("400");
                default -> o.what().equals(a);
            };
        }
        if (ok && !c.header().equals("-") && o.first() != null) ok = hasHeader(o.first(), c.header());
        // over UDP a datagram is one message (RFC 3261 §18.3): one answer, however often repeated
        if (ok && !overTcp) ok = o.answers().stream().map(Rfc4475Torture::statusLine).distinct().count() <= 1;
        return ok;
    }

    /** Whether {@code message} has a header line {@code Name: value...} starting so, names compared case-insensitively. */
    static boolean hasHeader(String message, String line) {
        int colon = line.indexOf(':');
        String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).strip();
        for (String l : message.split("\r\n")) {
            int c = l.indexOf(':');
            if (c > 0 && l.substring(0, c).strip().toLowerCase(Locale.ROOT).equals(name)
                    && l.substring(c + 1).strip().startsWith(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sends the case's message from a fresh UDP socket on {@code from}, then a probe from the same
     * socket. Use a loopback address of the test's own (SipPbxFixture.nextLoopback): the PBX's log
     * lines are rate-limited per source address for the whole JVM, and these are many.
     */
    public static Outcome overUdp(InetSocketAddress pbx, InetAddress from, Case c) throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(from, 0))) {
            byte[] m = c.bytes();
            s.send(new DatagramPacket(m, m.length, pbx));
            List<String> answers = new ArrayList<>();
            boolean canDrop = c.allowed(false).contains("drop");
            if (!canDrop) { // an answer is owed: wait for it (an INVITE is decided on a thread of its own)
                String first = nextFinal(s, WAIT);
                if (first != null) answers.add(first);
            }
            // the probe behind it: whatever comes before its answer belongs to the message
            String probeId = probeId(c.name());
            byte[] p = probe(probeId, "UDP", s.getLocalPort()).getBytes(StandardCharsets.ISO_8859_1);
            s.send(new DatagramPacket(p, p.length, pbx));
            boolean alive = false;
            String r;
            while ((r = nextFinal(s, WAIT)) != null) {
                if (probeId.equals(callId(r))) {
                    alive = r.startsWith("SIP/2.0 200 ");
                    break;
                }
                answers.add(r);
            }
            String what = answers.isEmpty() ? (canDrop && alive ? "drop" : "none") : status(answers.get(0));
            return new Outcome(what, answers, alive);
        }
    }

    /** Sends the case's message on a fresh TCP connection; the probe goes on a new one. */
    public static Outcome overTcp(InetSocketAddress pbx, InetAddress from, Case c) throws IOException {
        List<String> allowed = c.allowed(true);
        List<String> answers = new ArrayList<>();
        String what;
        try (Stream s = new Stream(pbx, from)) {
            s.write(c.bytes());
            if (allowed.contains("wait")) {
                // the connection still owes body bytes: nothing may come back, and it stays open
                // while a probe on another connection is answered
                boolean alive = probeOver(pbx, from, c.name());
                String r = s.poll();
                if (r != null) answers.add(r);
                what = r != null ? status(r) : s.eof ? "closed" : "wait";
                return new Outcome(what, answers, alive);
            }
            if (allowed.contains("drop")) {
                // a probe on the same connection: what comes back before its answer is the message's
                String probeId = probeId(c.name());
                s.write(probe(probeId, "TCP", s.socket.getLocalPort()).getBytes(StandardCharsets.ISO_8859_1));
                String r;
                while ((r = s.read(WAIT)) != null && !probeId.equals(callId(r))) {
                    if (!r.startsWith("SIP/2.0 1")) answers.add(r);
                }
                what = !answers.isEmpty() ? status(answers.get(0)) : r != null ? "drop" : s.eof ? "closed" : "none";
            } else {
                // the answer to this message: a stream may carry more than one request (dblreq), and
                // requests of different calls are answered in any order
                String id = callId(new String(c.bytes(), StandardCharsets.ISO_8859_1));
                String r;
                do {
                    r = s.read(WAIT);
                } while (r != null && (r.startsWith("SIP/2.0 1") || (id != null && callId(r) != null && !id.equals(callId(r)))));
                if (r != null) answers.add(r);
                what = r != null ? status(r) : s.eof ? "closed" : "none";
            }
        }
        return new Outcome(what, answers, probeOver(pbx, from, c.name()));
    }

    /** A fresh OPTIONS on a new TCP connection is answered 200. */
    private static boolean probeOver(InetSocketAddress pbx, InetAddress from, String name) throws IOException {
        try (Stream p = new Stream(pbx, from)) {
            String probeId = probeId(name);
            p.write(probe(probeId, "TCP", p.socket.getLocalPort()).getBytes(StandardCharsets.ISO_8859_1));
            String r;
            do {
                r = p.read(WAIT);
            } while (r != null && !probeId.equals(callId(r)));
            return r != null && r.startsWith("SIP/2.0 200 ");
        }
    }

    private static String probeId(String name) { return "probe-" + name + "-" + System.nanoTime(); }

    /** An ordinary OPTIONS, with rport so that the answer comes back to the socket it came from. */
    public static String probe(String callId, String transport, int port) {
        return "OPTIONS sip:probe@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/" + transport + " 127.0.0.1:" + port
            + ";branch=z9hG4bK" + callId + ";rport\r\nMax-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=p1\r\n"
            + "To: <sip:probe@127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
    }

    public static String status(String response) {
        Matcher m = STATUS.matcher(response);
        return m.find() ? m.group(1) : "?";
    }

    /** The status line of a message. */
    public static String statusLine(String message) {
        int e = message.indexOf("\r\n");
        return e < 0 ? message : message.substring(0, e);
    }

    static String callId(String message) {
        Matcher m = CALL_ID.matcher(message);
        return m.find() ? m.group(1) : null;
    }

    /** The next final response on the socket (provisional ones skipped), or null when none came in time. */
    private static String nextFinal(DatagramSocket s, Duration wait) throws IOException {
        long end = System.nanoTime() + wait.toNanos();
        byte[] buf = new byte[65536];
        for (;;) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) return null;
            s.setSoTimeout((int) left);
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                s.receive(p);
            } catch (SocketTimeoutException e) {
                return null;
            }
            String m = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            if (!m.startsWith("SIP/2.0 1")) return m;
        }
    }

    /** One TCP connection to the PBX, read message by message (head, then Content-Length bytes of body). */
    private static final class Stream implements AutoCloseable {
        final Socket socket = new Socket();
        boolean eof;

        Stream(InetSocketAddress to, InetAddress from) throws IOException {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(to, 5000);
        }

        void write(byte[] b) throws IOException {
            socket.getOutputStream().write(b);
            socket.getOutputStream().flush();
        }

        /** A message already there, without waiting for one; null when none. */
        String poll() throws IOException {
            return read(Duration.ofMillis(1));
        }

        String read(Duration wait) throws IOException {
            if (eof) return null;
            socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            try {
                while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    int c = in.read();
                    if (c < 0) {
                        eof = true;
                        return null;
                    }
                    if (head.size() == 0 && (c == '\r' || c == '\n')) continue; // keep-alive pongs
                    head.write(c);
                }
                String h = head.toString(StandardCharsets.UTF_8);
                Matcher cl = Pattern.compile("(?im)^(?:Content-Length|l)[ \t]*:[ \t]*(\\d+)").matcher(h);
                int len = cl.find() ? Integer.parseInt(cl.group(1)) : 0;
                return h + new String(in.readNBytes(len), StandardCharsets.UTF_8);
            } catch (SocketTimeoutException e) {
                return null;
            } catch (SocketException e) { // reset by the PBX
                eof = true;
                return null;
            }
        }

        @Override public void close() throws IOException { socket.close(); }
    }
}
