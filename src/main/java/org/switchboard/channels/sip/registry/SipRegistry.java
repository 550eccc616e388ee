package org.switchboard.channels.sip.registry;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.switchboard.channels.sip.config.SipRegistration;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.channels.sip.transaction.TransactionLayer;

/**
 * Every {@code register =>} line's {@link RegistrationClient}: started together, kept across
 * {@code sip reload} when their line is unchanged, and listed by {@code sip show registry}.
 * Thread-safe.
 */
public final class SipRegistry {
    // chan_sip's sip_show_registry: "%-39.39s %-6.6s %-12.12s  %8d %-20.20s %-25.25s"
    private static final String FORMAT = "%-39.39s %-6.6s %-12.12s  %8s %-20.20s %-25.25s\n";
    private static final DateTimeFormatter REG_TIME = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss", Locale.ROOT);

    private final Function<SipRegistration, RegistrationClient> factory;
    private final ZoneId zone;
    private final ReentrantLock lock = new ReentrantLock();
    /** By the line's identity (see {@link #sameLine}), in config order. */
    private final Map<Key, RegistrationClient> clients = new LinkedHashMap<>();

    /**
     * @param factory makes the client for a line (tests and the driver choose transport and timers)
     * @param zone    for the Reg.Time column
     */
    public SipRegistry(Function<SipRegistration, RegistrationClient> factory, ZoneId zone) {
        this.factory = factory;
        this.zone = zone;
    }

    /** Clients built from [general] settings on one transaction layer, with the same local address for all lines. */
    public SipRegistry(SipSettings settings, TransactionLayer layer, Supplier<InetSocketAddress> localAddress,
                       ScheduledExecutorService scheduler, Clock clock, RetryPolicy retry) {
        this(r -> new RegistrationClient(r, settings, layer, localAddress, scheduler, clock, retry), clock.getZone());
    }

    /** The line without where it was written: moving a line in sip.conf does not make it new. */
    private record Key(String peer, String transport, String user, String domain, String secret, String authUser,
                       String host, int port, String contact, int expiry, String requestUri) {
        static Key of(SipRegistration r) {
            return new Key(r.peer(), r.transport(), r.user(), r.domain(), r.secret(), r.authUser(), r.host(), r.port(),
                r.contact(), r.expiry(), r.requestUri());
        }
    }

    /** Whether two lines would register the same way (file and line number aside). */
    public static boolean sameLine(SipRegistration a, SipRegistration b) { return Key.of(a).equals(Key.of(b)); }

    /** Creates and starts a client per line (a repeated line once); clients already running are kept. */
    public void start(List<SipRegistration> lines) { reload(lines); }

    /**
     * {@code sip reload}: keeps (same instance, still registered) the clients whose line is
     * unchanged, stops (unregisters) those whose line is gone or changed, starts the new ones.
     * Returns when the new set is in place; the stopped ones unregister in the background.
     */
    public void reload(List<SipRegistration> lines) {
        List<RegistrationClient> toStart = new ArrayList<>();
        List<RegistrationClient> toStop = new ArrayList<>();
        lock.lock();
        try {
            Map<Key, RegistrationClient> next = new LinkedHashMap<>();
            for (SipRegistration r : lines) {
                Key k = Key.of(r);
                if (next.containsKey(k)) continue;
                RegistrationClient c = clients.remove(k);
                if (c == null) {
                    c = factory.apply(r);
                    toStart.add(c);
                }
                next.put(k, c);
            }
            toStop.addAll(clients.values());
            clients.clear();
            clients.putAll(next);
        } finally {
            lock.unlock();
        }
        for (RegistrationClient c : toStop) c.stop();
        for (RegistrationClient c : toStart) c.start();
    }

    /** Stops every client (Expires: 0 to those registered); completes when all have finished. */
    public CompletableFuture<Void> stop() {
        List<RegistrationClient> all;
        lock.lock();
        try {
            all = new ArrayList<>(clients.values());
            clients.clear();
        } finally {
            lock.unlock();
        }
        return CompletableFuture.allOf(all.stream().map(RegistrationClient::stop).toArray(CompletableFuture[]::new));
    }

    public List<RegistrationClient> clients() {
        lock.lock();
        try {
            return List.copyOf(clients.values());
        } finally {
            lock.unlock();
        }
    }

    /** chan_sip's {@code sip show registry}: a header, a row per line, and the count. */
    public String showRegistry() {
        List<RegistrationClient> all = clients();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, FORMAT, "Host", "dnsmgr", "Username", "Refresh", "State", "Reg.Time"));
        for (RegistrationClient c : all) {
            SipRegistration r = c.registration();
            String user = r.domain() == null ? r.user() : r.user() + "@" + r.domain();
            long at = c.registeredAtMillis();
            String regTime = at <= 0 ? "" : REG_TIME.format(Instant.ofEpochMilli(at).atZone(zone));
            sb.append(String.format(Locale.ROOT, FORMAT, c.host() + ":" + c.port(), "N", user,
                Integer.toString(c.refreshSeconds()), c.state().text(), regTime));
        }
        sb.append(all.size()).append(" SIP registrations.\n");
        return sb.toString();
    }

    @Override public String toString() { return "SipRegistry" + Objects.toString(clients()); }
}
