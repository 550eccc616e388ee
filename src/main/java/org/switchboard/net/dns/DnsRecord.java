package org.switchboard.net.dns;

import java.net.InetAddress;

/** One resource record of an answer section, of the types we ask for; {@code ttl} in seconds. */
public sealed interface DnsRecord {
    String name();
    long ttl();

    /** RFC 3403 §4.1: order and preference sort it, flags/service/regexp/replacement say where it leads. */
    record Naptr(String name, long ttl, int order, int preference, String flags, String service, String regexp,
                 String replacement) implements DnsRecord {}

    /** RFC 2782: a target host and port, tried by priority (lowest first) and weight within one priority. */
    record Srv(String name, long ttl, int priority, int weight, int port, String target) implements DnsRecord {}

    /** An A (RFC 1035 §3.4.1) or AAAA (RFC 3596 §2.2) record. */
    record Address(String name, long ttl, InetAddress address) implements DnsRecord {}
}
