package org.switchboard.net.dns;

import java.util.ArrayList;
import java.util.List;

/**
 * What a name server said: its records (empty for NXDOMAIN or no data) or, when there is no
 * answer at all, why ({@code error} not null). Never an exception.
 */
public record DnsAnswer(List<DnsRecord> records, String error) {
    public static DnsAnswer failed(String why) { return new DnsAnswer(List.of(), why); }

    public static DnsAnswer of(List<DnsRecord> records) { return new DnsAnswer(List.copyOf(records), null); }

    /** The records of one kind, in the order the server gave them. */
    public <T extends DnsRecord> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (DnsRecord r : records) if (type.isInstance(r)) out.add(type.cast(r));
        return out;
    }

    /** The smallest TTL among the records, seconds; 0 when there are none. */
    public long minTtl() {
        long min = Long.MAX_VALUE;
        for (DnsRecord r : records) min = Math.min(min, r.ttl());
        return records.isEmpty() ? 0 : min;
    }
}
