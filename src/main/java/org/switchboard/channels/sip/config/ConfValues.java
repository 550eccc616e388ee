package org.switchboard.channels.sip.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigProblem;

/** Value parsers for sip.conf entries that record a problem at the entry's file:line and return a fallback. */
public final class ConfValues {
    public final List<ConfigProblem> problems = new ArrayList<>();

    public void problem(ConfigEntry e, String message) {
        problems.add(new ConfigProblem(e.file(), e.line(), message));
    }

    /** Asterisk's ast_true/ast_false words; anything else is a problem and gives {@code dflt}. */
    public boolean bool(ConfigEntry e, boolean dflt) {
        switch (e.value().trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y", "t", "1", "on" -> { return true; }
            case "no", "false", "n", "f", "0", "off" -> { return false; }
            default -> {
                problem(e, "bad value '" + e.value() + "' for " + e.key() + " (yes or no)");
                return dflt;
            }
        }
    }

    /** A whole number in [min, max]; otherwise a problem and {@code dflt}. */
    public int integer(ConfigEntry e, int min, int max, int dflt) {
        String v = e.value().trim();
        if (v.matches("-?\\d{1,9}")) {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return n;
        }
        problem(e, "bad value '" + e.value() + "' for " + e.key() + " (a number from " + min + " to " + max + ")");
        return dflt;
    }

    /** A non-empty value without spaces; otherwise a problem and {@code dflt}. */
    public String word(ConfigEntry e, String dflt) {
        String v = e.value().trim();
        if (!v.isEmpty() && v.chars().noneMatch(Character::isWhitespace)) return v;
        problem(e, "bad value '" + e.value() + "' for " + e.key() + " (one word)");
        return dflt;
    }

    /** {@code host[:port]} or {@code [v6][:port]}: {host, port or -1}; null after recording a problem. */
    public Object[] hostPort(ConfigEntry e) { return hostPort(e, false); }

    /**
     * As {@link #hostPort(ConfigEntry)}; with {@code anyPort} a bind address may say port 0, "any
     * free port" (ours: tests and side-by-side instances ask the kernel for one).
     */
    public Object[] hostPort(ConfigEntry e, boolean anyPort) {
        String v = e.value().trim();
        String host = v;
        int port = -1;
        int colon = v.lastIndexOf(':');
        boolean bracketed = v.startsWith("[");
        if (colon >= 0 && (bracketed ? v.indexOf(']') < colon : v.indexOf(':') == colon)) {
            String p = v.substring(colon + 1);
            if (!p.matches("\\d{1,5}") || Integer.parseInt(p) < (anyPort ? 0 : 1) || Integer.parseInt(p) > 65535) {
                problem(e, "bad port '" + p + "' in " + e.key());
                return null;
            }
            port = Integer.parseInt(p);
            host = v.substring(0, colon);
        }
        if (bracketed && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            problem(e, "bad address '" + e.value() + "' for " + e.key() + " (host[:port])");
            return null;
        }
        return new Object[] {host, port};
    }

    /**
     * Applies one {@code allow}/{@code disallow} value to {@code codecs} in place, as Asterisk's
     * ast_format_cap_update_by_allow_disallow: words split at ',' or '&'; {@code all} adds or clears
     * every codec; an allowed codec already in the list keeps its place.
     */
    public void codecs(ConfigEntry e, List<Codec> codecs) {
        boolean allow = e.key().equalsIgnoreCase("allow");
        for (String w : e.value().split("[,&]")) {
            String name = w.trim();
            if (name.isEmpty()) continue;
            if (name.equalsIgnoreCase("all")) {
                if (allow) {
                    for (Codec c : Codec.values()) if (!codecs.contains(c)) codecs.add(c);
                } else {
                    codecs.clear();
                }
                continue;
            }
            Codec c = Codec.byName(name);
            if (c == null) {
                problem(e, Codec.isAsteriskCodec(name)
                    ? "codec '" + name + "' is not supported (ulaw, alaw, g722, opus); ignored"
                    : "unknown codec '" + name + "' in " + e.key());
                continue;
            }
            if (allow) {
                if (!codecs.contains(c)) codecs.add(c);
            } else {
                codecs.remove(c);
            }
        }
    }

    /** A {@code permit}/{@code deny}/{@code localnet} value as an ACL rule, or null after a problem. */
    public Acl.Rule aclRule(ConfigEntry e, boolean permit) {
        try {
            return Acl.parseRule(permit, e.value());
        } catch (IllegalArgumentException ex) {
            problem(e, "bad " + e.key() + " '" + e.value() + "': " + ex.getMessage());
            return null;
        }
    }

    public Nat nat(ConfigEntry e, Nat dflt) {
        try {
            return Nat.parse(e.value());
        } catch (IllegalArgumentException ex) {
            problem(e, ex.getMessage());
            return dflt;
        }
    }

    /** {@code qualify=yes|no|ms}: 0 for off, chan_sip's 2000 ms for yes. */
    public int qualify(ConfigEntry e) {
        String v = e.value().trim().toLowerCase(Locale.ROOT);
        if (v.equals("yes") || v.equals("true") || v.equals("on")) return 2000;
        if (v.equals("no") || v.equals("false") || v.equals("off")) return 0;
        return integer(e, 0, 3_600_000, 0);
    }
}
