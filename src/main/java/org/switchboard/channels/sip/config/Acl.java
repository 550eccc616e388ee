package org.switchboard.channels.sip.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code permit=}/{@code deny=} list as chan_sip builds it (Asterisk {@code main/acl.c}): rules in
 * the order written, every rule is tried and the <em>last</em> one that matches decides; an address
 * no rule matches is allowed. An empty list allows everyone.
 */
public record Acl(List<Rule> rules, List<Acl> also) {

    public static final Acl ALLOW_ALL = new Acl(List.of());

    /**
     * @param also named ACLs (acl.conf, through {@code acl=}) the address must pass as well: each
     *             list decides on its own and every one must allow (acl.c ast_apply_acl)
     */
    public Acl {
        rules = List.copyOf(rules);
        also = List.copyOf(also);
    }

    public Acl(List<Rule> rules) { this(rules, List.of()); }

    /** This list and {@code named} too. */
    public Acl and(Acl named) {
        List<Acl> n = new ArrayList<>(also);
        n.add(named);
        return new Acl(rules, n);
    }

    /** One {@code permit}/{@code deny} line: a network as address bytes and a prefix length. */
    public record Rule(boolean permit, byte[] network, int prefix, String text) {
        public boolean matches(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                if (a.length == 16 && network.length == 4 && isV4Mapped(a)) a = java.util.Arrays.copyOfRange(a, 12, 16);
                else return false;
            }
            return sameNetwork(a, network, prefix);
        }

        @Override public String toString() { return (permit ? "permit " : "deny ") + text; }
    }

    /** Whether {@code address} may use the peer: the last matching rule decides (acl.c ast_apply_ha). */
    public boolean allows(InetAddress address) {
        boolean allowed = true;
        for (Rule r : rules) {
            if (r.matches(address)) allowed = r.permit();
        }
        if (!allowed) return false;
        for (Acl a : also) if (!a.allows(address)) return false;
        return true;
    }

    public boolean isEmpty() { return rules.isEmpty() && also.isEmpty(); }

    public Acl with(Rule rule) {
        List<Rule> n = new ArrayList<>(rules);
        n.add(rule);
        return new Acl(n, also);
    }

    /**
     * Parses {@code address[/mask]} where mask is a prefix length or a dotted IPv4 mask, as in
     * {@code deny=0.0.0.0/0.0.0.0} or {@code permit=192.168.1.0/24}. Never resolves names.
     * Throws IllegalArgumentException with a reason.
     */
    public static Rule parseRule(boolean permit, String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash).trim();
        byte[] net = parseLiteral(addr);
        int bits = net.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String m = t.substring(slash + 1).trim();
            if (m.matches("\\d{1,3}")) {
                prefix = Integer.parseInt(m);
                if (prefix > bits) throw new IllegalArgumentException("prefix /" + m + " is longer than the address");
            } else {
                byte[] mask = parseLiteral(m);
                if (mask.length != net.length) throw new IllegalArgumentException("mask '" + m + "' does not fit the address");
                prefix = prefixOf(mask);
                if (prefix < 0) throw new IllegalArgumentException("mask '" + m + "' is not contiguous");
            }
        }
        byte[] masked = net.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            masked[i] &= (byte) (0xff << (8 - keep));
        }
        return new Rule(permit, masked, prefix, t);
    }

    /** An IPv4 dotted quad or an IPv6 literal as bytes; a host name is refused (no DNS in config). */
    public static byte[] parseLiteral(String s) {
        if (s.indexOf(':') >= 0) {
            String v6 = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
            try {
                return InetAddress.getByName("[" + v6 + "]").getAddress(); // a literal: no lookup
            } catch (UnknownHostException | IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + s + "' is not an IP address");
            }
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) throw new IllegalArgumentException("'" + s + "' is not an IP address");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
                throw new IllegalArgumentException("'" + s + "' is not an IP address");
            }
            b[i] = (byte) Integer.parseInt(parts[i]);
        }
        return b;
    }

    private static int prefixOf(byte[] mask) {
        int n = 0;
        boolean ended = false;
        for (byte x : mask) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean one = ((x >> bit) & 1) != 0;
                if (one && ended) return -1;
                if (one) n++;
                else ended = true;
            }
        }
        return n;
    }

    private static boolean isV4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) if (a[i] != 0) return false;
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    static boolean sameNetwork(byte[] a, byte[] net, int prefix) {
        for (int i = 0; i < net.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            int m = (0xff << (8 - keep)) & 0xff;
            if ((a[i] & m) != (net[i] & m)) return false;
        }
        return true;
    }
}
