package org.switchboard.channels.skype;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.core.Channel;

/**
 * SKYPE_BUDDIES' snapshots: an id per copy of a buddy list, walked by SKYPE_BUDDY_FETCH. A
 * snapshot made on a channel is freed when that channel hangs up (a datastore); ones made without a
 * channel are capped.
 */
final class SkypeBuddySnapshots {
    private static final int MAX_UNOWNED = 1000;
    private static final Object DATASTORE = new Object();

    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Snapshot> byId = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unowned = new ConcurrentLinkedQueue<>();

    private record Snapshot(List<String> rows, AtomicInteger next) {}

    /** Frees the snapshots of one channel when it is destroyed. */
    private final class Owned implements AutoCloseable {
        final Set<String> ids = ConcurrentHashMap.newKeySet();

        @Override
        public void close() { ids.forEach(byId::remove); }
    }

    String create(Channel owner, List<SkypeAccount.Buddy> buddies) {
        List<String> rows = new ArrayList<>(buddies.size());
        for (SkypeAccount.Buddy b : buddies) rows.add(b.name() + "," + b.status());
        String id = Long.toString(ids.incrementAndGet());
        byId.put(id, new Snapshot(List.copyOf(rows), new AtomicInteger()));
        if (owner != null) {
            Owned o = owner.datastore(DATASTORE);
            if (o == null) {
                o = new Owned();
                owner.putDatastore(DATASTORE, o);
            }
            o.ids.add(id);
            if (owner.isDestroyed()) o.close();
        } else {
            unowned.add(id);
            while (unowned.size() > MAX_UNOWNED) {
                String old = unowned.poll();
                if (old != null) byId.remove(old);
            }
        }
        return id;
    }

    /** The next {@code buddy,status}, "" at the end; null when the id is unknown. */
    String fetch(String id) {
        Snapshot s = byId.get(id == null ? "" : id.trim());
        if (s == null) return null;
        int i = s.next().getAndIncrement();
        return i < s.rows().size() ? s.rows().get(i) : "";
    }

    int size() { return byId.size(); }

    void clear() {
        byId.clear();
        unowned.clear();
    }
}
