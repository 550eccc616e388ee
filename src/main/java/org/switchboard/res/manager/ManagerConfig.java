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
 *
 * @param sendQueueLimit {@code sendqueuelimit} (ours, not Asterisk's): bytes of responses and events
 *                       that may wait for one client before it counts as not reading and is
 *                       disconnected; a number of bytes, or with a K or M suffix
 */
public record ManagerConfig(boolean enabled, InetAddress bindAddress, int port, boolean displayConnects,
                            boolean timestampEvents, int authTimeoutSec, int authLimit, boolean allowMultipleLogin,
                            long sendQueueLimit, Map<String, ManagerUser> users, List<String> problems) {
    public static final int DEFAULT_PORT = 5038;
    public static final long DEFAULT_SEND_QUEUE_LIMIT = 8L << 20;
    /** Below this a client that reads but lags a moment behind a burst of events would be dropped. */
    public static final long MIN_SEND_QUEUE_LIMIT = 16L << 10;
    private static final long MAX_SEND_QUEUE_LIMIT = 1L << 30;

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
        long sendQueue = byteSize(g, "sendqueuelimit", DEFAULT_SEND_QUEUE_LIMIT, MIN_SEND_QUEUE_LIMIT, MAX_SEND_QUEUE_LIMIT, problems);

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
            // manager.c: values under 100 ms are refused with a warning
            int wt = intValue(s, "writetimeout", WriteStallWatch.DEFAULT_TIMEOUT_MS, 100, Integer.MAX_VALUE, problems);
            String dc = s.get("displayconnects");
            users.put(s.name(), new ManagerUser(s.name(), s.get("secret"), acl.build(), AmiPermissions.parse(s.get("read")),
                    AmiPermissions.parse(s.get("write")), wt, filters, dc == null ? null : AmiPermissions.isTrue(dc),
                    s.file(), s.line()));
        }
        return new ManagerConfig(enabled, addr, port, display, stamps, authTimeout, authLimit, multi, sendQueue, users, problems);
    }

    /** {@code 8388608}, {@code 512K} or {@code 8M} (K and M are 1024 and 1024*1024). */
    private static long byteSize(ConfigSection s, String key, long dflt, long min, long max, List<String> problems) {
        String v = s == null ? null : s.get(key);
        if (v == null || v.isBlank()) return dflt;
        String t = v.trim().toUpperCase(Locale.ROOT);
        long unit = t.endsWith("K") ? 1L << 10 : t.endsWith("M") ? 1L << 20 : 1;
        if (unit > 1) t = t.substring(0, t.length() - 1).trim();
        try {
            long n = Long.parseLong(t);
            if (n < 0 || n > max / unit || n * unit < min) {
                problems.add(where(s, key) + key + "=" + v + " is out of range " + min + ".." + max + " bytes, using " + dflt);
                return dflt;
            }
            return n * unit;
        } catch (NumberFormatException e) {
            problems.add(where(s, key) + "invalid " + key + " '" + v + "' (bytes, or a number with K or M), using " + dflt);
            return dflt;
        }
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
