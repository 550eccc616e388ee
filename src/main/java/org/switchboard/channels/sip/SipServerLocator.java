package org.switchboard.channels.sip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.switchboard.channels.sip.transport.Endpoint;
import org.switchboard.channels.sip.transport.Protocol;
import org.switchboard.net.dns.DnsAnswer;
import org.switchboard.net.dns.DnsMessage;
import org.switchboard.net.dns.DnsRecord;
import org.switchboard.net.dns.DnsResolver;
import org.switchboard.net.dns.HostsFile;
import org.switchboard.net.dns.SrvOrder;

/**
 * Where a request to a SIP URI's host goes (RFC 3263 §4): the targets in the order to try them,
 * the next one after a transport error, a timeout or a 503 (§4.3). A numeric host or an explicit
 * port skips NAPTR and SRV (§4.1, §4.2); otherwise NAPTR records whose service is a transport we
 * have ({@code SIP+D2U}, {@code SIP+D2T}, {@code SIPS+D2T}) lead to SRV names, else the SRV names
 * {@code _sip._udp}, {@code _sip._tcp}, {@code _sips._tcp} are asked directly, else the host's
 * A/AAAA records on the transport's default port. Blocks the calling thread on the DNS: call it
 * from a channel's virtual thread or a background one, never from a SIP reader or strand.
 */
public final class SipServerLocator {
    /** The targets in order, or none and the reason. */
    public record Located(List<Endpoint> targets, String error) {
        static Located failed(String why) { return new Located(List.of(), why); }
    }

    private final DnsResolver dns;
    private final Set<Protocol> transports;

    /** @param transports the transports this stack can send on (UDP, and TCP/TLS when bound) */
    public SipServerLocator(DnsResolver dns, Set<Protocol> transports) {
        this.dns = dns;
        this.transports = transports;
    }

    /**
     * @param forced the URI's transport parameter (or the peer's transport=), null for none
     * @param port   the URI's port, 0 for none
     * @param secure a sips: URI (RFC 3263 §4.1: TLS only)
     */
    public Located locate(String host, int port, Protocol forced, boolean secure) {
        Protocol fallback = forced != null ? forced : secure ? Protocol.TLS : Protocol.UDP;
        InetAddress literal = HostsFile.literal(host);
        if (literal != null) {
            return new Located(List.of(new Endpoint(fallback, new InetSocketAddress(literal, port > 0 ? port : fallback.defaultPort()))), null);
        }
        if (port > 0) return addresses(host, port, fallback);
        List<Endpoint> out = new ArrayList<>();
        String error = null;
        if (forced == null) {
            DnsAnswer naptr = dns.lookup(host, DnsMessage.TYPE_NAPTR);
            if (naptr.error() != null) return Located.failed("NAPTR " + host + ": " + naptr.error());
            List<DnsRecord.Naptr> records = new ArrayList<>(naptr.all(DnsRecord.Naptr.class));
            records.sort(Comparator.comparingInt(DnsRecord.Naptr::order).thenComparingInt(DnsRecord.Naptr::preference));
            for (DnsRecord.Naptr n : records) {
                Protocol p = naptrTransport(n.service());
                if (p == null || !transports.contains(p) || (secure && p != Protocol.TLS)) continue;
                if (!n.flags().equalsIgnoreCase("s")) continue;   // §4.1: SIP uses "s", leading to SRV names
                error = srv(n.replacement(), p, out);
                if (error != null) return Located.failed(error);
            }
        }
        if (out.isEmpty()) {
            for (Protocol p : new Protocol[] {Protocol.UDP, Protocol.TCP, Protocol.TLS}) {
                if (forced != null ? p != forced : !transports.contains(p) || (secure && p != Protocol.TLS)) continue;
                error = srv((p == Protocol.TLS ? "_sips._tcp." : p == Protocol.TCP ? "_sip._tcp." : "_sip._udp.") + host, p, out);
                if (error != null) return Located.failed(error);
            }
        }
        if (!out.isEmpty()) return new Located(out, null);
        return addresses(host, fallback.defaultPort(), fallback);   // §4.2: no SRV records: A/AAAA on the default port
    }

    /** Appends the SRV targets of {@code name} in RFC 2782 order; a target without address is skipped. The DNS's error, if any. */
    private String srv(String name, Protocol p, List<Endpoint> out) {
        DnsAnswer a = dns.lookup(name, DnsMessage.TYPE_SRV);
        if (a.error() != null) return "SRV " + name + ": " + a.error();
        for (DnsRecord.Srv s : SrvOrder.order(a.all(DnsRecord.Srv.class), n -> ThreadLocalRandom.current().nextInt(n + 1))) {
            DnsResolver.Addresses addrs = dns.addresses(s.target());
            for (InetAddress addr : addrs.list()) out.add(new Endpoint(p, new InetSocketAddress(addr, s.port())));
        }
        return null;
    }

    private Located addresses(String host, int port, Protocol p) {
        DnsResolver.Addresses a = dns.addresses(host);
        if (a.list().isEmpty()) {
            return Located.failed(a.error() != null ? "A/AAAA " + host + ": " + a.error() : "no NAPTR, SRV, A or AAAA records for '" + host + "'");
        }
        List<Endpoint> out = new ArrayList<>();
        for (InetAddress addr : a.list()) out.add(new Endpoint(p, new InetSocketAddress(addr, port)));
        return new Located(out, null);
    }

    /** RFC 3263 §4.1's service fields: SIP+D2U is UDP, SIP+D2T TCP, SIPS+D2T TLS; others we do not speak. */
    static Protocol naptrTransport(String service) {
        return switch (service.toUpperCase(Locale.ROOT)) {
            case "SIP+D2U" -> Protocol.UDP;
            case "SIP+D2T" -> Protocol.TCP;
            case "SIPS+D2T" -> Protocol.TLS;
            default -> null;
        };
    }
}
