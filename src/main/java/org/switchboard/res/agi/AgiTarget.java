package org.switchboard.res.agi;

import java.util.Locale;

/**
 * What the first argument of AGI() names: a script to run ({@code /path/prog} or a name under
 * the AGI folder), a FastAGI server ({@code agi://host[:port][/script]}), FastAGI servers found
 * by DNS SRV ({@code hagi://host[/script]}, looked up as {@code _agi._tcp.host}) or AsyncAGI
 * ({@code agi:async}). No I/O: a bad URI is a {@link Kind#INVALID} target with its reason.
 */
public record AgiTarget(Kind kind, String text, String host, int port, String script, String problem) {
    /** FastAGI's registered port (IANA "agi", 4573), used when the URI names none. */
    public static final int DEFAULT_PORT = 4573;

    public enum Kind { SCRIPT, FAST, FAST_SRV, ASYNC, INVALID }

    public static AgiTarget parse(String command) {
        String lower = command.toLowerCase(Locale.ROOT);
        if (lower.equals("agi:async")) return new AgiTarget(Kind.ASYNC, command, null, 0, "", null);
        if (lower.startsWith("agi://")) return network(Kind.FAST, command, command.substring(6));
        if (lower.startsWith("hagi://")) return network(Kind.FAST_SRV, command, command.substring(7));
        return new AgiTarget(Kind.SCRIPT, command, null, 0, command, null);
    }

    /** {@code host[:port][/script]}; an IPv6 address is written in brackets. */
    private static AgiTarget network(Kind kind, String text, String rest) {
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String script = slash < 0 ? "" : rest.substring(slash + 1);
        String host = hostPort;
        int port = DEFAULT_PORT;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) return invalid(text, "no closing ']' after the IPv6 address");
            host = hostPort.substring(1, close);
            if (close + 1 < hostPort.length()) {
                if (hostPort.charAt(close + 1) != ':') return invalid(text, "unexpected text after ']'");
                portText = hostPort.substring(close + 2);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0) {
                host = hostPort.substring(0, colon);
                portText = hostPort.substring(colon + 1);
            }
        }
        if (host.isEmpty()) return invalid(text, "no host");
        if (portText != null) {
            if (kind == Kind.FAST_SRV) return invalid(text, "hagi:// takes no port: DNS SRV gives it");
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) return invalid(text, "bad port '" + portText + "'");
        }
        return new AgiTarget(kind, text, host, port, script, null);
    }

    private static AgiTarget invalid(String text, String why) {
        return new AgiTarget(Kind.INVALID, text, null, 0, "", why);
    }
}
