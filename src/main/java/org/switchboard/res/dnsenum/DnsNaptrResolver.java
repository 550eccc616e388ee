package org.switchboard.res.dnsenum;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.net.dns.DnsAnswer;
import org.switchboard.net.dns.DnsClient;
import org.switchboard.net.dns.DnsMessage;
import org.switchboard.net.dns.DnsRecord;

/**
 * ENUM's NAPTR lookups (RFC 3403 §4.1) against one name server, on the caller's thread (a
 * channel's own virtual thread, never a network reader), through the shared DNS client
 * {@link DnsClient}: UDP, TCP for a truncated answer, every failure an {@link Answer} with its reason.
 */
public final class DnsNaptrResolver {
    static final int TYPE_NAPTR = DnsMessage.TYPE_NAPTR;

    /** What the server said: its records (empty for NXDOMAIN or none) or why there is no answer. */
    public record Answer(List<NaptrRecord> records, String error) {
        static Answer failed(String why) { return new Answer(List.of(), why); }
    }

    private final DnsClient client;

    public DnsNaptrResolver(InetSocketAddress server, int timeoutMs, int attempts) {
        this.client = new DnsClient(List.of(server), timeoutMs, attempts);
    }

    public InetSocketAddress server() { return client.servers().get(0); }

    public Answer naptr(String name) { return of(client.lookup(name, TYPE_NAPTR)); }

    /** A standard query with recursion desired (RFC 1035 §4.1.1) for {@code name}'s NAPTR records. */
    static byte[] query(int id, String name) { return DnsMessage.query(id, name, TYPE_NAPTR); }

    /** The answer in a response, or null when the response is not to our query. */
    static Answer parse(ByteBuffer b, int id) {
        DnsAnswer a = DnsMessage.parse(b, id);
        return a == null ? null : of(a);
    }

    private static Answer of(DnsAnswer a) {
        if (a.error() != null) return Answer.failed(a.error());
        List<NaptrRecord> out = new ArrayList<>();
        for (DnsRecord.Naptr n : a.all(DnsRecord.Naptr.class)) {
            out.add(new NaptrRecord(n.order(), n.preference(), n.flags(), n.service(), n.regexp(), n.replacement()));
        }
        return new Answer(out, null);
    }
}
