/**
 * A small DNS client of our own (RFC 1035): {@link org.switchboard.net.dns.DnsMessage} turns
 * queries and answers to and from bytes without I/O, {@link org.switchboard.net.dns.DnsClient}
 * carries them over UDP with TCP for truncated answers, {@link org.switchboard.net.dns.DnsResolver}
 * is one PBX's resolver (resolver_unbound.conf's name servers, a cache kept for each answer's TTL).
 * ENUM's NAPTR lookups and SIP's server location (RFC 3263) ask through it.
 */
package org.switchboard.net.dns;
