package org.switchboard.res.http;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigSection;

/**
 * http.conf's {@code [general]} as Asterisk's http.c reads it: {@code enabled} (no by default),
 * {@code bindaddr} and {@code bindport} (8088), {@code tlsenable}, {@code tlsbindaddr}
 * ({@code host[:port]}, 8089 by default; the old {@code tlsbindport} still read),
 * {@code tlscertfile} and {@code tlsprivatekey} (the certificate file, when it holds the key too).
 * Options of the parts we do not serve (static files, redirects, session limits) are read silently.
 *
 * @param plain where HTTP listens when {@code enabled} (unresolved: resolved when binding)
 * @param tls   where HTTPS listens, or null unless {@code tlsenable} with a certificate
 */
public record HttpConfig(boolean enabled, InetSocketAddress plain, InetSocketAddress tls, String certFile,
                         String privateKey, List<String> problems) {
    public static final int DEFAULT_PORT = 8088;
    public static final int DEFAULT_TLS_PORT = 8089;
    private static final List<String> IGNORED = List.of("servername", "prefix", "sessionlimit", "session_inactivity",
        "session_keep_alive", "enablestatic", "redirect", "tlscipher", "tlscafile", "tlscapath", "tlsclientmethod",
        "tlsdontverifyserver", "tlsservercipherorder", "tlsdisablev1", "tlsdisablev11", "tlsdisablev12");

    public HttpConfig { problems = List.copyOf(problems); }

    public static HttpConfig from(Config conf) {
        List<String> problems = new ArrayList<>();
        conf.problems().forEach(p -> problems.add(p.toString()));
        ConfigSection g = conf.section("general");
        boolean enabled = false, tlsEnable = false;
        String bindAddr = "0.0.0.0", tlsAddr = "0.0.0.0", cert = null, key = null;
        int port = DEFAULT_PORT, tlsPort = DEFAULT_TLS_PORT;
        if (g != null) {
            for (ConfigEntry e : g.entries()) {
                String v = e.value().trim();
                switch (e.key().toLowerCase(Locale.ROOT)) {
                    case "enabled" -> enabled = isTrue(v);
                    case "bindaddr" -> bindAddr = v.isEmpty() ? bindAddr : v;
                    case "bindport" -> port = port(e, v, port, problems);
                    case "tlsenable", "sslenable" -> tlsEnable = isTrue(v);
                    case "tlsbindaddr", "sslbindaddr" -> {
                        int colon = v.lastIndexOf(':');
                        if (colon > 0 && v.indexOf(':') == colon) { // host:port (an IPv6 literal has several colons)
                            tlsPort = port(e, v.substring(colon + 1), tlsPort, problems);
                            v = v.substring(0, colon);
                        }
                        if (!v.isEmpty()) tlsAddr = v;
                    }
                    case "tlsbindport", "sslbindport" -> tlsPort = port(e, v, tlsPort, problems);
                    case "tlscertfile", "sslcert" -> cert = v.isEmpty() ? null : v;
                    case "tlsprivatekey" -> key = v.isEmpty() ? null : v;
                    default -> {
                        if (!IGNORED.contains(e.key().toLowerCase(Locale.ROOT))) {
                            problems.add(e.file() + ":" + e.line() + ": unknown option '" + e.key() + "' in [general]; ignored");
                        }
                    }
                }
            }
        }
        InetSocketAddress tls = null;
        if (tlsEnable) {
            if (cert == null) problems.add(where(g) + "tlsenable=yes without tlscertfile: HTTPS is off");
            else tls = InetSocketAddress.createUnresolved(tlsAddr, tlsPort);
        }
        return new HttpConfig(enabled, InetSocketAddress.createUnresolved(bindAddr, port), tls, cert,
            key == null ? cert : key, problems);
    }

    private static String where(ConfigSection g) { return g == null ? "http.conf: " : g.file() + ":" + g.line() + ": "; }

    private static int port(ConfigEntry e, String v, int dflt, List<String> problems) {
        try {
            int p = Integer.parseInt(v);
            if (p >= 0 && p <= 65535) return p;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(e.file() + ":" + e.line() + ": invalid " + e.key() + " '" + v + "'; using " + dflt);
        return dflt;
    }

    static boolean isTrue(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y", "t", "1", "on" -> true;
            default -> false;
        };
    }
}
