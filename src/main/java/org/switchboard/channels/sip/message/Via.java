package org.switchboard.channels.sip.message;

/**
 * One Via value (RFC 3261 §20.42): {@code SIP/2.0/UDP host:port;branch=..;received=..;rport}.
 * Port is -1 when absent. {@code rport} tells whether the rport parameter is present and
 * {@code rportValue} its value, -1 when it was sent empty (RFC 3581 §3, §4). Params holds every
 * parameter in order, including branch/received/rport.
 */
public record Via(String transport, String host, int port, Params params) {

    public static final String MAGIC_COOKIE = "z9hG4bK"; // RFC 3261 §8.1.1.7

    public Via {
        if (params == null) params = Params.EMPTY;
    }

    public static Via of(String transport, String host, int port, String branch) {
        return new Via(transport, host, port, Params.EMPTY.with("branch", branch).with("rport", null));
    }

    public String branch() { return params.get("branch"); }
    public String received() { return params.get("received"); }
    public boolean rport() { return params.has("rport"); }
    public String maddr() { return params.get("maddr"); }

    public int rportValue() {
        String v = params.get("rport");
        if (v == null) return -1;
        long n = Text.parseDigits(v, 0, v.length(), 5);
        return n < 0 || n > 65535 ? -1 : (int) n;
    }

    public boolean isRfc3261Branch() {
        String b = branch();
        return b != null && b.startsWith(MAGIC_COOKIE);
    }

    /** As a server transport stamps it on receipt (RFC 3261 §18.2.1, RFC 3581 §4). */
    public Via received(String sourceIp, int sourcePort) {
        Params p = params;
        if (!sourceIp.equals(host) || rport()) p = p.with("received", sourceIp);
        if (rport()) p = p.with("rport", Integer.toString(sourcePort));
        return new Via(transport, host, port, p);
    }

    public Via withParam(String name, String value) { return new Via(transport, host, port, params.with(name, value)); }

    /** Parses one Via value; throws IllegalArgumentException with a reason when malformed. */
    public static Via parse(String s) {
        int to = Text.trimEnd(s, 0, s.length());
        int i = Text.skipWs(s, 0, to);
        // sent-protocol = protocol-name SLASH protocol-version SLASH transport, LWS allowed around '/'
        int ns = i;
        while (i < to && Text.isToken(s.charAt(i))) i++;
        if (!s.regionMatches(true, ns, "SIP", 0, 3) || i - ns != 3) throw new IllegalArgumentException("Via protocol is not SIP");
        i = expect(s, Text.skipWs(s, i, to), to, '/');
        int vs = Text.skipWs(s, i, to);
        i = vs;
        while (i < to && Text.isToken(s.charAt(i))) i++;
        if (!s.regionMatches(vs, "2.0", 0, 3) || i - vs != 3) throw new IllegalArgumentException("Via version is not 2.0");
        i = expect(s, Text.skipWs(s, i, to), to, '/');
        int ts = Text.skipWs(s, i, to);
        i = ts;
        while (i < to && Text.isToken(s.charAt(i))) i++;
        if (i == ts) throw new IllegalArgumentException("Via without transport");
        String transport = transport(s, ts, i);
        int hs = Text.skipWs(s, i, to);
        if (hs == i) throw new IllegalArgumentException("Via without space before sent-by");
        i = hs;
        if (i < to && s.charAt(i) == '[') {
            int close = s.indexOf(']', i);
            if (close < 0 || close >= to) throw new IllegalArgumentException("unterminated IPv6 reference in Via");
            i = close + 1;
        } else {
            while (i < to && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '-'
                    || s.charAt(i) == '_')) i++;
        }
        if (i == hs) throw new IllegalArgumentException("Via without host");
        String host = s.substring(hs, i);
        i = Text.skipWs(s, i, to);
        int port = -1;
        if (i < to && s.charAt(i) == ':') {
            int ps = Text.skipWs(s, i + 1, to);
            i = ps;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
            long p = Text.parseDigits(s, ps, i, 5);
            if (p < 0 || p > 65535) throw new IllegalArgumentException("bad port in Via");
            port = (int) p;
        }
        Params params = Params.parse(s, i, to);
        return new Via(transport, host, port, params);
    }

    private static String transport(String s, int from, int to) {
        for (String t : new String[] {"UDP", "TCP", "TLS", "SCTP", "WS", "WSS"}) {
            if (t.length() == to - from && s.regionMatches(true, from, t, 0, t.length())) return t;
        }
        return s.substring(from, to).toUpperCase(java.util.Locale.ROOT);
    }

    private static int expect(String s, int i, int to, char c) {
        if (i >= to || s.charAt(i) != c) throw new IllegalArgumentException("expected '" + c + "' in Via");
        return i + 1;
    }

    public String sentBy() { return port < 0 ? host : host + ":" + port; }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder(64).append("SIP/2.0/").append(transport).append(' ').append(host);
        if (port >= 0) sb.append(':').append(port);
        params.appendTo(sb);
        return sb.toString();
    }
}
