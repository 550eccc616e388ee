package org.switchboard.channels.sip.registrar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The registrar's location service (RFC 3261 §10): contacts per peer with their expiry. Each peer's
 * list is replaced atomically, so lookups never see half an update; no locks are held while
 * anything else runs. Expired bindings are invisible to lookups at once and removed by {@link #sweep()}.
 */
public final class Bindings {
    private final Clock clock;
    private final Map<String, List<Binding>> byPeer = new ConcurrentHashMap<>();

    public Bindings(Clock clock) {
        this.clock = clock;
    }

    private static String key(String peer) { return peer.toLowerCase(Locale.ROOT); }

    /** The live contacts of {@code peer}, the most recently registered first. */
    public List<Binding> contacts(String peer) {
        List<Binding> list = byPeer.get(key(peer));
        if (list == null) return List.of();
        Instant now = clock.instant();
        List<Binding> live = new ArrayList<>(list.size());
        for (Binding b : list) if (!b.isExpired(now)) live.add(b);
        live.sort(Comparator.comparing(Binding::registeredAt).reversed());
        return List.copyOf(live);
    }

    /** The contact to call {@code peer} at (the most recent live one), or null. */
    public Binding contact(String peer) {
        List<Binding> live = contacts(peer);
        return live.isEmpty() ? null : live.get(0);
    }

    /** Every peer with at least one live contact. */
    public List<String> registeredPeers() {
        List<String> out = new ArrayList<>();
        for (List<Binding> l : byPeer.values()) {
            if (!l.isEmpty() && !contacts(l.get(0).peer()).isEmpty()) out.add(l.get(0).peer());
        }
        return out;
    }

    /** Replaces the peer's list by {@code change} applied to it, atomically; returns the new list. */
    List<Binding> update(String peer, UnaryOperator<List<Binding>> change) {
        List<Binding> after = byPeer.compute(key(peer), (k, old) -> {
            List<Binding> n = change.apply(old == null ? List.of() : old);
            return n.isEmpty() ? null : List.copyOf(n);
        });
        return after == null ? List.of() : after;
    }

    /** Removes expired bindings; returns them as EXPIRED events. */
    public List<BindingEvent> sweep() {
        Instant now = clock.instant();
        List<BindingEvent> events = new ArrayList<>();
        for (String k : byPeer.keySet()) {
            byPeer.computeIfPresent(k, (key, list) -> {
                List<Binding> keep = new ArrayList<>(list.size());
                for (Binding b : list) {
                    if (b.isExpired(now)) events.add(new BindingEvent(BindingEvent.Kind.EXPIRED, b));
                    else keep.add(b);
                }
                return keep.isEmpty() ? null : List.copyOf(keep);
            });
        }
        return events;
    }

    /** Forgets every binding of {@code peer} (the peer left the configuration); returns them as REMOVED. */
    public List<BindingEvent> removeAll(String peer) {
        List<Binding> old = byPeer.remove(key(peer));
        List<BindingEvent> events = new ArrayList<>();
        if (old != null) for (Binding b : old) events.add(new BindingEvent(BindingEvent.Kind.REMOVED, b));
        return events;
    }
}
