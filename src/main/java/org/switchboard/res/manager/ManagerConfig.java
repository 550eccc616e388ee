package org.switchboard.res.manager;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigSection;

/**
 * manager.conf as one immutable snapshot: {@code [general]} and the users. Reload builds a new
 * one and swaps it in; sessions already logged in keep what they were given at login.
 */
public record ManagerConfig(boolean enabled, InetAddress bindAddress, int port, boolean displayConnects,
                            boolean timestampEvents, int authTimeoutSec, int authLimit, boolean allowMultipleLogin,
                            Map<String, ManagerUser> users, List<String> problems) {
    public static final int DEFAULT_PORT = 5038;

    public ManagerConfig {
        users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
        problems = List.copyOf(problems);
    }

    /** The user with this name (case-insensitive, as get_manager_by_name_locked), or null. */
    public ManagerUser user(String name) {
        if (name == null) return null;
        ManagerUser u = users.get(name);
        if (u != null) return u;
        for (ManagerUser x : users.values()) if (x.name().equalsIgnoreCase(name)) return x;
        return null;
    }

    public static ManagerConfig from(Config conf) {
        List<String> problems = new ArrayList<>();
        conf.problems().forEach(p -> problems.add(p.toString()));
        ConfigSection g = conf.section("general");
        boolean enabled = g != null && AmiPermissions.isTrue(g.get("enabled", "no"));
        String bind = g == null ? null : g.get("bindaddr");
        InetAddress addr;
        try {
            addr = InetAddress.getByName(bind == null || bind.isBlank() ? "127.0.0.1" : bind.trim());
        } catch (UnknownHostException e) {
            problems.add(where(g, "bindaddr") + "invalid bindaddr '" + bind + "'");
            addr = InetAddress.getLoopbackAddress();
        }
        int port = intValue(g, "port", DEFAULT_PORT, 0, 65535, problems);
        boolean display = g == null || AmiPermissions.isTrue(g.get("displayconnects", "yes"));
        boolean stamps = g != null && AmiPermissions.isTrue(g.get("timestampevents", "no"));
        int authTimeout = intValue(g, "authtimeout", 30, 1, 86400, problems);
        int authLimit = intValue(g, "authlimit", 50, 1, 1_000_000, problems);
        boolean multi = g == null || AmiPermissions.isTrue(g.get("allowmultiplelogin", "yes"));

        Map<String, ManagerUser> users = new LinkedHashMap<>();
        for (ConfigSection s : conf.sections()) {
            if (s.isTemplate() || s.name().equalsIgnoreCase("general")) continue;
            AddressAcl.Builder acl = new AddressAcl.Builder();
            List<String> aclProblems = new ArrayList<>();
            List<String> filters = new ArrayList<>();
            for (ConfigEntry e : s.entries()) {
                switch (e.key().toLowerCase(Locale.ROOT)) {
                    case "deny" -> acl.add(false, e.value(), aclProblems);
                    case "permit" -> acl.add(true, e.value(), aclProblems);
                    case "eventfilter" -> filters.add(e.value());
                    default -> { }
                }
            }
            for (String p : aclProblems) problems.add(s.file() + ":" + s.line() + ": [" + s.name() + "] " + p);
            for (String f : filters) {
                String err = EventFilter.check(f);
                if (err != null) problems.add(s.file() + ":" + s.line() + ": [" + s.name() + "] eventfilter " + err);
            }
            int wt = intValue(s, "writetimeout", 100, 100, Integer.MAX_VALUE, problems);
            String dc = s.get("displayconnects");
            users.put(s.name(), new ManagerUser(s.name(), s.get("secret"), acl.build(), AmiPermissions.parse(s.get("read")),
                    AmiPermissions.parse(s.get("write")), wt, filters, dc == null ? null : AmiPermissions.isTrue(dc),
                    s.file(), s.line()));
        }
        return new ManagerConfig(enabled, addr, port, display, stamps, authTimeout, authLimit, multi, users, problems);
    }

    private static int intValue(ConfigSection s, String key, int dflt, int min, int max, List<String> problems) {
        String v = s == null ? null : s.get(key);
        if (v == null || v.isBlank()) return dflt;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                problems.add(where(s, key) + key + "=" + v + " is out of range " + min + ".." + max + ", using " + dflt);
                return dflt;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(where(s, key) + "invalid " + key + " '" + v + "', using " + dflt);
            return dflt;
        }
    }

    private static String where(ConfigSection s, String key) {
        if (s == null) return "manager.conf: ";
        for (ConfigEntry e : s.entries()) if (e.key().equalsIgnoreCase(key)) return e.file() + ":" + e.line() + ": ";
        return s.file() + ":" + s.line() + ": ";
    }
}
