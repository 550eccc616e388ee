package org.switchboard.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Every live channel by name, and the counters that make names and unique IDs. */
public final class ChannelRegistry {
    private final ConcurrentHashMap<String, Channel> byName = new ConcurrentHashMap<>();
    private final AtomicLong nameSeq = new AtomicLong();
    private final AtomicLong idSeq = new AtomicLong();
    private final long startEpoch = System.currentTimeMillis() / 1000;

    /** Asterisk's 8-hex-digit channel suffix: {@code -00000001}. */
    public String nextSuffix() { return String.format("%08x", nameSeq.incrementAndGet()); }

    /** {@code <epoch>.<sequence>}, unique for this run like Asterisk's UNIQUEID. */
    public String nextUniqueId() { return startEpoch + "." + idSeq.incrementAndGet(); }

    void add(Channel c) { byName.put(c.name(), c); }
    void remove(Channel c) { byName.remove(c.name(), c); }

    public Channel byName(String name) {
        Channel c = byName.get(name);
        if (c != null) return c;
        for (Channel ch : byName.values()) {
            if (ch.name().equalsIgnoreCase(name)) return ch;
        }
        return null;
    }

    /** Channels whose name starts with the given prefix (AMI/CLI accept a prefix). */
    public List<Channel> byPrefix(String prefix) {
        List<Channel> out = new ArrayList<>();
        for (Channel ch : byName.values()) if (ch.name().startsWith(prefix)) out.add(ch);
        return out;
    }

    public Channel byUniqueId(String id) {
        for (Channel ch : byName.values()) if (ch.uniqueId().equals(id)) return ch;
        return null;
    }

    public Collection<Channel> all() { return byName.values(); }
    public int count() { return byName.size(); }
}
