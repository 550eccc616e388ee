package org.switchboard.funcs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.core.Channel;

/**
 * The CURLOPT settings of one channel (func_curl keeps them in a channel datastore): each option
 * as func_curl stores it (a boolean or integer as a number, a time in milliseconds, a string, a
 * word), read back as CURLOPT() prints it. {@code httpheader} adds a header each time it is set.
 */
final class CurlOptions implements AutoCloseable {
    /** How an option is written and read back. */
    enum Kind { BOOLEAN, INTEGER, MILLIS, STRING, ENUM, LIST }

    static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("cookie", Kind.STRING), Map.entry("conntimeout", Kind.MILLIS), Map.entry("dnstimeout", Kind.INTEGER),
            Map.entry("followlocation", Kind.BOOLEAN), Map.entry("ftptext", Kind.BOOLEAN), Map.entry("ftptimeout", Kind.INTEGER),
            Map.entry("header", Kind.BOOLEAN), Map.entry("httpheader", Kind.LIST), Map.entry("httptimeout", Kind.MILLIS),
            Map.entry("maxredirs", Kind.INTEGER), Map.entry("proxy", Kind.STRING), Map.entry("proxytype", Kind.ENUM),
            Map.entry("proxyport", Kind.INTEGER), Map.entry("proxyuserpwd", Kind.STRING), Map.entry("referer", Kind.STRING),
            Map.entry("useragent", Kind.STRING), Map.entry("userpwd", Kind.STRING), Map.entry("ssl_verifypeer", Kind.BOOLEAN),
            Map.entry("hashcompat", Kind.ENUM), Map.entry("failurecodes", Kind.STRING));

    private static final Object KEY = CurlOptions.class;

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** The channel's options, made on first use when {@code create}; null when it has none. */
    static CurlOptions of(Channel c, boolean create) {
        CurlOptions o = c.datastore(KEY);
        if (o == null && create) {
            o = new CurlOptions();
            c.putDatastore(KEY, o);
        }
        return o;
    }

    static Kind kind(String name) { return name == null ? null : KINDS.get(name.strip().toLowerCase(Locale.ROOT)); }

    /** Sets an option from its written value (ast_true, atol, atof seconds as func_curl reads them). */
    synchronized void set(String name, String value) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        String v = value == null ? "" : value;
        switch (KINDS.get(key)) {
            case BOOLEAN -> values.put(key, CurlOptions.ofBoolean(v) ? 1L : 0L);
            case INTEGER -> values.put(key, leadingLong(v));
            case MILLIS -> values.put(key, Math.round(leadingDouble(v) * 1000.0));
            case STRING -> values.put(key, v);
            case LIST -> {
                @SuppressWarnings("unchecked")
                List<String> l = (List<String>) values.computeIfAbsent(key, k -> new ArrayList<String>());
                l.add(v);
            }
            case ENUM -> values.put(key, key.equals("hashcompat") ? hashcompat(v) : proxyType(v));
        }
    }

    /** CURLOPT(name) as func_curl prints it, or null when the option is not set. */
    synchronized String get(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        Object v = values.get(key);
        if (v == null) return null;
        return switch (KINDS.get(key)) {
            case MILLIS -> {
                long ms = (Long) v;
                yield ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.3f", ms / 1000.0);
            }
            case LIST -> String.join(",", list(key));
            default -> v.toString();
        };
    }

    synchronized String string(String key) { Object v = values.get(key); return v instanceof String s ? s : null; }

    synchronized long number(String key, long dflt) { Object v = values.get(key); return v instanceof Long l ? l : dflt; }

    synchronized boolean flag(String key) { return number(key, 0) != 0; }

    @SuppressWarnings("unchecked")
    synchronized List<String> list(String key) {
        Object v = values.get(key);
        return v == null ? List.of() : List.copyOf((List<String>) v);
    }

    /** ast_true. */
    static boolean ofBoolean(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y", "t", "1", "on" -> true;
            default -> false;
        };
    }

    private static String hashcompat(String v) {
        if (v.strip().equalsIgnoreCase("legacy")) return "legacy";
        return ofBoolean(v) ? "yes" : "no";
    }

    private static String proxyType(String v) {
        String w = v.strip().toLowerCase(Locale.ROOT);
        if (w.equals("socks4") || w.equals("socks4a") || w.equals("socks5")) return w;
        if (w.startsWith("socks5")) return "socks5hostname";
        return "http";
    }

    private static long leadingLong(String s) {
        Long v = FuncArgs.leadingLong(s);
        return v == null ? 0 : v;
    }

    private static double leadingDouble(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)").matcher(s);
        return m.find() ? Double.parseDouble(m.group().strip()) : 0;
    }

    @Override
    public void close() { }
}
