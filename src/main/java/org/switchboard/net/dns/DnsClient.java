package org.switchboard.net.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One DNS question on the wire, on the caller's thread (a channel's virtual thread or a
 * background one, never a network reader): UDP to each name server in turn, {@code attempts}
 * times {@code timeoutMs} each; an answer whose ID or source does not match is not the answer; a
 * truncated one is asked again over TCP (RFC 1035 §4.2.2, RFC 7766 §5).
 */
public final class DnsClient {
    private static final int MAX_UDP = 4096;

    private final List<InetSocketAddress> servers;
    private final int timeoutMs;
    private final int attempts;

    public DnsClient(List<InetSocketAddress> servers, int timeoutMs, int attempts) {
        if (servers.isEmpty()) throw new IllegalArgumentException("no name server");
        this.servers = List.copyOf(servers);
        this.timeoutMs = timeoutMs;
        this.attempts = Math.max(1, attempts);
    }

    public List<InetSocketAddress> servers() { return servers; }

    public int timeoutMs() { return timeoutMs; }

    /** {@code name}'s records of {@code type} from the first server that answers; the last failure otherwise. */
    public DnsAnswer lookup(String name, int type) {
        DnsAnswer last = null;
        for (InetSocketAddress server : servers) {
            last = ask(server, name, type);
            if (last.error() == null) return last;
        }
        return last;
    }

    private DnsAnswer ask(InetSocketAddress server, String name, int type) {
        int id = ThreadLocalRandom.current().nextInt(0x10000);
        byte[] query;
        try {
            query = DnsMessage.query(id, name, type);
        } catch (IllegalArgumentException e) {
            return DnsAnswer.failed(e.getMessage());
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
                    DnsAnswer a = DnsMessage.parse(ByteBuffer.wrap(p.getData(), 0, p.getLength()), id);
                    if (a == DnsMessage.TRUNCATED) return overTcp(server, query, id);
                    if (a != null) return a;
                }
            }
            return DnsAnswer.failed("no answer from " + where(server) + " in " + attempts + " x " + timeoutMs + " ms");
        } catch (IOException e) {
            return DnsAnswer.failed("cannot ask " + where(server) + ": " + e.getMessage());
        }
    }

    private static String where(InetSocketAddress server) {
        return (server.getAddress() == null ? server.getHostString() : server.getAddress().getHostAddress()) + ":" + server.getPort();
    }

    /** The same query over TCP, each message after its two-byte length (RFC 1035 §4.2.2). */
    private DnsAnswer overTcp(InetSocketAddress server, byte[] query, int id) {
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
            DnsAnswer a = DnsMessage.parse(ByteBuffer.wrap(answer), id);
            return a == null || a == DnsMessage.TRUNCATED ? DnsAnswer.failed("the TCP answer was not to our query") : a;
        } catch (IOException e) {
            return DnsAnswer.failed("the answer was truncated (TC) and asking over TCP failed: " + e.getMessage());
        }
    }
}
