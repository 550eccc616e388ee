package org.switchboard.net.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigSection;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * One PBX's DNS resolver, set up as Asterisk's res_resolver_unbound is: resolver_unbound.conf
 * {@code [general]} {@code nameserver} lines (tried in order, then those of {@code resolv}),
 * {@code resolv} (a resolv.conf; {@code system}: /etc/resolv.conf), {@code hosts} (answered
 * first; {@code system}: /etc/hosts) and, ours, {@code timeout} (seconds per attempt, two
 * attempts per server). Answers are kept for their TTL (RFC 1035 §3.2.1); failures are not kept.
 * Settings are read when the resolver is first used. Blocks the calling thread for the round trip.
 */
public class DnsResolver {
    public static final String CONF = "resolver_unbound.conf";
    static final String LOG = "res_resolver_unbound.c";
    private static final Path SYSTEM_RESOLV = Path.of("/etc/resolv.conf");
    private static final Path SYSTEM_HOSTS = Path.of("/etc/hosts");

    private record Cached(DnsAnswer answer, long expiresNanos) {}

    private final DnsClient client;
    private final Path hosts;
    private final LongSupplier clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    public static final int MAX_CACHED = 4096;

    public DnsResolver(DnsClient client, Path hosts, LongSupplier clock) {
        this.client = client;
        this.hosts = hosts;
        this.clock = clock;
    }

    public static DnsResolver of(Pbx pbx) { return pbx.service(DnsResolver.class, DnsResolver::fromConfig); }

    public DnsClient client() { return client; }

    /** Answers kept now. */
    public int cachedAnswers() { return cache.size(); }

    /** {@code name}'s records of {@code type}, from the cache while their TTL lasts. */
    public DnsAnswer lookup(String name, int type) {
        String key = key(name, type);
        Cached c = cache.get(key);
        long now = clock.getAsLong();
        if (c != null && now - c.expiresNanos() < 0) return c.answer();
        DnsAnswer a = client.lookup(name, type);
        if (a.error() == null && !a.records().isEmpty()) {
            if (cache.size() >= MAX_CACHED) trim(now);
            cache.put(key, new Cached(a, now + a.minTtl() * 1_000_000_000L));
        }
        return a;
    }

    /**
     * Names a dialplan dials (SIP/100@any.domain) are not only the configured trunks: past
     * {@link #MAX_CACHED} answers the expired ones go, and if that is not enough, all of them (the
     * trunks' come back at their next lookup).
     */
    private void trim(long now) {
        cache.values().removeIf(c -> now - c.expiresNanos() >= 0);
        if (cache.size() >= MAX_CACHED) cache.clear();
    }

    /**
     * The last answer with records for {@code name}/{@code type}, even past its TTL, without asking
     * anyone (empty when there is none): for a network thread that must not wait, such as matching
     * an INVITE's source against peers named by domain.
     */
    public DnsAnswer remembered(String name, int type) {
        Cached c = cache.get(key(name, type));
        return c == null ? DnsAnswer.of(List.of()) : c.answer();
    }

    /** A view of this resolver that answers from {@link #remembered} only: it never blocks. */
    public DnsResolver rememberedOnly() {
        DnsResolver self = this;
        return new DnsResolver(client, hosts, clock) {
            @Override public DnsAnswer lookup(String name, int type) { return self.remembered(name, type); }
        };
    }

    private static String key(String name, int type) { return name.toLowerCase(Locale.ROOT) + "/" + type; }

    /** The host's addresses: a literal as it is, else the hosts file's, else A then AAAA records. */
    public Addresses addresses(String host) {
        InetAddress literal = HostsFile.literal(host);
        if (literal != null) return new Addresses(List.of(literal), null);
        List<InetAddress> fromHosts = HostsFile.lookup(hosts, host);
        if (!fromHosts.isEmpty()) return new Addresses(fromHosts, null);
        List<InetAddress> out = new ArrayList<>();
        String error = null;
        for (int type : new int[] {DnsMessage.TYPE_A, DnsMessage.TYPE_AAAA}) {
            DnsAnswer a = lookup(host, type);
            if (a.error() != null) {
                error = a.error();
                if (out.isEmpty()) return new Addresses(List.of(), error); // the server is not answering: do not wait twice
            }
            for (DnsRecord.Address r : a.all(DnsRecord.Address.class)) out.add(r.address());
        }
        return new Addresses(out, out.isEmpty() ? error : null);
    }

    /** A host's addresses, or (none and) the reason the DNS gave none. */
    public record Addresses(List<InetAddress> list, String error) {}

    private static DnsResolver fromConfig(Pbx pbx) {
        List<InetSocketAddress> servers = new ArrayList<>();
        Path resolv = SYSTEM_RESOLV;
        Path hosts = SYSTEM_HOSTS;
        int timeoutMs = 2000;
        if (pbx.hasConfig(CONF)) {
            Config c = pbx.config(CONF);
            ConfigSection g = c.section("general");
            for (ConfigSection s : c.sections()) {
                if (s != g) PbxLog.warning(LOG, CONF + ": unknown section [" + s.name() + "]");
            }
            if (g != null) {
                for (ConfigEntry e : g.entries()) {
                    String v = e.value().strip();
                    switch (e.key().toLowerCase(Locale.ROOT)) {
                        case "nameserver" -> {
                            try {
                                servers.add(address(v));
                            } catch (RuntimeException ex) {
                                PbxLog.warning(LOG, e.file() + ":" + e.line() + ": nameserver '" + v + "' is not address[:port]; skipped");
                            }
                        }
                        case "resolv" -> resolv = v.equals("system") ? SYSTEM_RESOLV : Path.of(v);
                        case "hosts" -> hosts = v.equals("system") ? SYSTEM_HOSTS : Path.of(v);
                        case "timeout" -> {
                            try {
                                timeoutMs = (int) Math.round(Double.parseDouble(v) * 1000);
                                if (timeoutMs < 100 || timeoutMs > 30_000) throw new NumberFormatException();
                            } catch (NumberFormatException ex) {
                                PbxLog.warning(LOG, e.file() + ":" + e.line() + ": timeout must be seconds from 0.1 to 30, not '" + v + "'; 2 is used");
                                timeoutMs = 2000;
                            }
                        }
                        case "debug", "ta_file" -> { }
                        default -> PbxLog.warning(LOG, e.file() + ":" + e.line() + ": unknown option '" + e.key() + "' in [general]");
                    }
                }
            }
        }
        servers.addAll(resolvConf(resolv));
        if (servers.isEmpty()) servers.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), 53));
        return new DnsResolver(new DnsClient(servers, timeoutMs, 2), hosts, System::nanoTime);
    }

    /**
     * {@code address}, {@code address:port}, {@code address@port} (unbound's spelling) or
     * {@code [v6]:port}; port 53 when none is given. Only literals: naming the name server by name
     * would need a name server.
     */
    public static InetSocketAddress address(String text) {
        String t = text.strip();
        int port = 53;
        String host = t;
        int at = t.indexOf('@');
        if (at > 0) {
            host = t.substring(0, at);
            port = Integer.parseInt(t.substring(at + 1));
        } else if (t.startsWith("[")) {
            int close = t.indexOf(']');
            host = t.substring(1, close);
            if (close + 1 < t.length() && t.charAt(close + 1) == ':') port = Integer.parseInt(t.substring(close + 2));
        } else if (t.indexOf(':') == t.lastIndexOf(':') && t.indexOf(':') > 0) {
            host = t.substring(0, t.indexOf(':'));
            port = Integer.parseInt(t.substring(t.indexOf(':') + 1));
        }
        InetAddress a = HostsFile.literal(host);
        if (a == null || port < 1 || port > 65535) throw new IllegalArgumentException("not address[:port]");
        return new InetSocketAddress(a, port);
    }

    private static List<InetSocketAddress> resolvConf(Path file) {
        List<InetSocketAddress> out = new ArrayList<>();
        try {
            for (String l : Files.readAllLines(file)) {
                String[] w = l.strip().split("\\s+");
                if (w.length >= 2 && w[0].equals("nameserver")) {
                    InetAddress a = HostsFile.literal(w[1]);
                    if (a != null) out.add(new InetSocketAddress(a, 53));
                }
            }
        } catch (IOException e) {
            // none from it
        }
        return out;
    }
}
