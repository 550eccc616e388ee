package org.switchboard.res.manager;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's {@code deny=} / {@code permit=} lines, applied as ast_apply_ha does: everything is
 * allowed, then each rule that matches the address (in file order) decides anew, so the last
 * match wins. Networks are {@code 10.0.0.0/8}, {@code 10.0.0.0/255.0.0.0} or a bare address.
 */
public final class AddressAcl {
    private record Rule(boolean permit, byte[] network, byte[] mask, String text) {}

    private final List<Rule> rules;

    private AddressAcl(List<Rule> rules) { this.rules = List.copyOf(rules); }

    public static final AddressAcl ALLOW_ALL = new AddressAcl(List.of());

    /** Adds rules in order; a rule that cannot be parsed is reported through {@code problems}. */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();

        public Builder add(boolean permit, String text, List<String> problems) {
            try {
                String t = text.trim();
                int slash = t.indexOf('/');
                byte[] net = InetAddress.getByName(slash < 0 ? t : t.substring(0, slash)).getAddress();
                byte[] mask = new byte[net.length];
                if (slash < 0) {
                    java.util.Arrays.fill(mask, (byte) 0xff);
                } else {
                    String m = t.substring(slash + 1);
                    if (m.chars().allMatch(Character::isDigit)) {
                        int bits = Integer.parseInt(m);
                        if (bits < 0 || bits > net.length * 8) throw new IllegalArgumentException("bad prefix length " + m);
                        for (int i = 0; i < bits; i++) mask[i / 8] |= (byte) (0x80 >>> (i % 8));
                    } else {
                        mask = InetAddress.getByName(m).getAddress();
                        if (mask.length != net.length) throw new IllegalArgumentException("mask " + m + " does not fit " + t);
                    }
                }
                for (int i = 0; i < net.length; i++) net[i] &= mask[i];
                rules.add(new Rule(permit, net, mask, t));
            } catch (UnknownHostException | IllegalArgumentException e) {
                problems.add((permit ? "permit" : "deny") + "=" + text + ": " + e.getMessage());
            }
            return this;
        }

        public AddressAcl build() { return rules.isEmpty() ? ALLOW_ALL : new AddressAcl(rules); }
    }

    public boolean allows(InetAddress address) {
        boolean allowed = true;
        byte[] a = address.getAddress();
        for (Rule r : rules) {
            if (a.length != r.network.length) continue;
            boolean match = true;
            for (int i = 0; i < a.length && match; i++) match = (a[i] & r.mask[i]) == r.network[i];
            if (match) allowed = r.permit;
        }
        return allowed;
    }

    public boolean isEmpty() { return rules.isEmpty(); }
}
