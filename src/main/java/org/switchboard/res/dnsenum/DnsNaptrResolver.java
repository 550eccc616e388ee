package org.switchboard.res.dnsenum;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * NAPTR lookups over UDP (RFC 1035 §4, RFC 3403 §4.1) against one name server, on the caller's
 * thread: a channel's own virtual thread, never a network reader. Each attempt waits
 * {@code timeoutMs}; an answer whose ID or question does not match ours is not the answer. A
 * truncated answer (TC, more than 512 bytes of records) is asked again over TCP (RFC 7766 §5).
 * Everything that goes wrong is an {@link Answer} with its reason, never an exception.
 */
public final class DnsNaptrResolver {
    static final int TYPE_NAPTR = 35;
    private static final int CLASS_IN = 1;
    private static final int MAX_UDP = 4096;

    /** What the server said: its records (empty for NXDOMAIN or none) or why there is no answer. */
    public record Answer(List<NaptrRecord> records, String error) {
        static Answer failed(String why) { return new Answer(List.of(), why); }
    }

    /** The UDP answer had the TC bit: only TCP carries the whole of it. */
    static final Answer TRUNCATED = Answer.failed("the answer was truncated (TC) and TCP did not carry it");

    private final InetSocketAddress server;
    private final int timeoutMs;
    private final int attempts;

    public DnsNaptrResolver(InetSocketAddress server, int timeoutMs, int attempts) {
        this.server = server;
        this.timeoutMs = timeoutMs;
        this.attempts = Math.max(1, attempts);
    }

    public InetSocketAddress server() { return server; }

    public Answer naptr(String name) {
        int id = ThreadLocalRandom.current().nextInt(0x10000);
        byte[] query;
        try {
            query = query(id, name);
        } catch (IllegalArgumentException e) {
            return Answer.failed(e.getMessage());
        }
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(timeoutMs);
            for (int attempt = 0; attempt < attempts; attempt++) {
                s.send(new DatagramPacket(query, query.length, server));
                long end = System.nanoTime() + timeoutMs * 1_000_000L;
                while (System.nanoTime() < end) {
                    DatagramPacket p = new DatagramPacket(new byte[MAX_UDP], MAX_UDP);
                    try {
                        s.receive(p);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    if (!p.getSocketAddress().equals(server)) continue;
                    Answer a = parse(ByteBuffer.wrap(p.getData(), 0, p.getLength()), id);
                    if (a == TRUNCATED) return overTcp(query, id);
                    if (a != null) return a;
                }
            }
            return Answer.failed("no answer from " + server.getHostString() + ":" + server.getPort() + " in " + attempts + " x " + timeoutMs + " ms");
        } catch (IOException e) {
            return Answer.failed("cannot ask " + server.getHostString() + ":" + server.getPort() + ": " + e.getMessage());
        }
    }

    /** The same query over TCP, each message after its two-byte length (RFC 1035 §4.2.2). */
    private Answer overTcp(byte[] query, int id) {
        try (Socket s = new Socket()) {
            s.connect(server, timeoutMs);
            s.setSoTimeout(timeoutMs);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeShort(query.length);
            out.write(query);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] answer = new byte[in.readUnsignedShort()];
            in.readFully(answer);
            Answer a = parse(ByteBuffer.wrap(answer), id);
            return a == null ? Answer.failed("the TCP answer was not to our query") : a;
        } catch (IOException e) {
            return Answer.failed("the answer was truncated (TC) and asking over TCP failed: " + e.getMessage());
        }
    }

    /** A standard query with recursion desired (RFC 1035 §4.1.1) for {@code name}'s NAPTR records. */
    static byte[] query(int id, String name) {
        ByteBuffer b = ByteBuffer.allocate(512);
        b.putShort((short) id).putShort((short) 0x0100).putShort((short) 1).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        for (String label : name.split("\\.")) {
            byte[] l = label.getBytes(StandardCharsets.US_ASCII);
            if (l.length == 0 || l.length > 63) throw new IllegalArgumentException("invalid DNS name '" + name + "'");
            if (b.remaining() < l.length + 6) throw new IllegalArgumentException("DNS name too long");
            b.put((byte) l.length).put(l);
        }
        b.put((byte) 0).putShort((short) TYPE_NAPTR).putShort((short) CLASS_IN);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    /** The answer in a response, or null when the response is not to our query. */
    static Answer parse(ByteBuffer b, int id) {
        try {
            if ((b.getShort() & 0xffff) != id) return null;
            int flags = b.getShort() & 0xffff;
            if ((flags & 0x8000) == 0) return null;            // a query, not a response
            int rcode = flags & 0xf;
            int qd = b.getShort() & 0xffff, an = b.getShort() & 0xffff;
            b.getShort();
            b.getShort();
            if ((flags & 0x0200) != 0) return TRUNCATED;
            if (rcode == 3) return new Answer(List.of(), null);   // NXDOMAIN: no such number
            if (rcode != 0) return Answer.failed("the server answered " + rcodeName(rcode));
            for (int i = 0; i < qd; i++) {
                name(b);
                b.getInt();
            }
            List<NaptrRecord> out = new ArrayList<>();
            for (int i = 0; i < an; i++) {
                name(b);
                int type = b.getShort() & 0xffff;
                b.getShort();
                b.getInt();
                int len = b.getShort() & 0xffff;
                int end = b.position() + len;
                if (type == TYPE_NAPTR) {
                    int order = b.getShort() & 0xffff, pref = b.getShort() & 0xffff;
                    out.add(new NaptrRecord(order, pref, text(b), text(b), text(b), name(b)));
                }
                b.position(end);
            }
            return new Answer(out, null);
        } catch (RuntimeException e) {
            return Answer.failed("a malformed answer (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String text(ByteBuffer b) {
        int n = b.get() & 0xff;
        byte[] t = new byte[n];
        b.get(t);
        return new String(t, StandardCharsets.UTF_8);
    }

    /** A domain name, following compression pointers (RFC 1035 §4.1.4), at most 64 hops. */
    private static String name(ByteBuffer b) {
        StringBuilder sb = new StringBuilder();
        int pos = b.position(), after = -1;
        for (int hops = 0; hops < 64; hops++) {
            int n = b.get(pos) & 0xff;
            if (n == 0) {
                b.position(after >= 0 ? after : pos + 1);
                return sb.isEmpty() ? "." : sb.toString();
            }
            if ((n & 0xc0) == 0xc0) {
                if (after < 0) after = pos + 2;
                pos = ((n & 0x3f) << 8) | (b.get(pos + 1) & 0xff);
                continue;
            }
            if (!sb.isEmpty()) sb.append('.');
            for (int i = 1; i <= n; i++) sb.append((char) (b.get(pos + i) & 0xff));
            pos += n + 1;
        }
        throw new IllegalStateException("name compression loop");
    }

    private static String rcodeName(int rcode) {
        return switch (rcode) {
            case 1 -> "FORMERR";
            case 2 -> "SERVFAIL";
            case 4 -> "NOTIMP";
            case 5 -> "REFUSED";
            default -> "RCODE " + rcode;
        };
    }
}
