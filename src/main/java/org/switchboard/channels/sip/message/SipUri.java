package org.switchboard.channels.sip.message;

/**
 * A SIP or SIPS URI (RFC 3261 §19.1.1): {@code sip:user:password@host:port;uri-parameters?headers}.
 * The host keeps IPv6 brackets ({@code [2001:db8::1]}); user and password keep their escapes;
 * port is -1 when absent. A {@code tel:} URI (RFC 3966) is carried with its number as the user
 * and an empty host; any other absolute URI keeps all that follows its colon as the user. {@code headers} is the raw text after '?', or null.
 */
public record SipUri(String scheme, String user, String password, String host, int port, Params params,
                     String headers) {

    public SipUri {
        if (params == null) params = Params.EMPTY;
    }

    public static SipUri sip(String user, String host, int port) {
        return new SipUri("sip", user, null, host, port, Params.EMPTY, null);
    }

    public boolean isSecure() { return scheme.equals("sips"); }
    public boolean isTel() { return scheme.equals("tel"); }
    public boolean isSip() { return scheme.equals("sip") || scheme.equals("sips"); }

    public String param(String name) { return params.get(name); }
    public String transportParam() { return params.get("transport"); }
    public boolean looseRouting() { return params.has("lr"); }

    public SipUri withParam(String name, String value) {
        return new SipUri(scheme, user, password, host, port, params.with(name, value), headers);
    }

    public SipUri withUser(String newUser) {
        return new SipUri(scheme, newUser, password, host, port, params, headers);
    }

    /** host[:port], as written in a Via sent-by or a Host-like context. */
    public String hostPort() { return port < 0 ? host : host + ":" + port; }

    /** Parses a URI; throws IllegalArgumentException with a reason when it is not a valid SIP/SIPS/tel URI. */
    public static SipUri parse(String s) { return parse(s, 0, s.length()); }

    static SipUri parse(String s, int from, int to) {
        int colon = s.indexOf(':', from);
        if (colon < 0 || colon >= to) throw new IllegalArgumentException("URI without scheme");
        String scheme = scheme(s, from, colon);
        int i = colon + 1;
        if (scheme.equals("tel")) return parseTel(s, i, to);
        if (!scheme.equals("sip") && !scheme.equals("sips")) return parseOther(scheme, s, i, to);
        // userinfo ends at the last '@': user may hold ';' '?' '/' (§25.1 user-unreserved), while
        // parameters and headers never hold an unescaped '@'
        int at = -1;
        for (int j = i; j < to; j++) {
            char c = s.charAt(j);
            if (c == '@') at = j;
            else if (c == '>' || c == ' ') break;
        }
        String user = null, password = null;
        if (at >= 0) {
            int pw = s.indexOf(':', i);
            if (pw >= 0 && pw < at) {
                user = s.substring(i, pw);
                password = s.substring(pw + 1, at);
            } else {
                user = s.substring(i, at);
            }
            if (user.isEmpty()) throw new IllegalArgumentException("empty user in URI");
            checkUserChars(user);
            i = at + 1;
        }
        int hs = i;
        int hostEnd;
        if (i < to && s.charAt(i) == '[') { // RFC 3261 §25.1 IPv6reference
            int close = s.indexOf(']', i);
            if (close < 0 || close >= to) throw new IllegalArgumentException("unterminated IPv6 reference");
            for (int j = i + 1; j < close; j++) {
                char c = s.charAt(j);
                if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                    throw new IllegalArgumentException("bad IPv6 reference");
                }
            }
            hostEnd = close + 1;
        } else {
            while (i < to && isHostChar(s.charAt(i))) i++;
            hostEnd = i;
        }
        if (hostEnd == hs) throw new IllegalArgumentException("URI without host");
        String host = s.substring(hs, hostEnd);
        i = hostEnd;
        int port = -1;
        if (i < to && s.charAt(i) == ':') {
            int ps = ++i;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
            long p = Text.parseDigits(s, ps, i, 5);
            if (p < 0 || p > 65535) throw new IllegalArgumentException("bad port in URI");
            port = (int) p;
        }
        int q = s.indexOf('?', i);
        if (q < 0 || q >= to) q = to;
        Params params = Params.EMPTY;
        if (i < q) {
            if (s.charAt(i) != ';') throw new IllegalArgumentException("unexpected '" + s.charAt(i) + "' in URI");
            for (int j = i; j < q; j++) {
                if (Text.isWs(s.charAt(j))) throw new IllegalArgumentException("whitespace in URI");
            }
            params = Params.parse(s, i, q);
        }
        String headers = q < to ? s.substring(q + 1, to) : null;
        return new SipUri(scheme, user, password, host, port, params, headers);
    }

    private static String scheme(String s, int from, int colon) {
        int len = colon - from;
        if (len == 0 || !Character.isLetter(s.charAt(from))) throw new IllegalArgumentException("bad URI scheme");
        for (int j = from; j < colon; j++) { // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), §25.1
            char c = s.charAt(j);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))) {
                throw new IllegalArgumentException("bad URI scheme");
            }
        }
        if (len == 3 && s.regionMatches(true, from, "sip", 0, 3)) return "sip";
        if (len == 4 && s.regionMatches(true, from, "sips", 0, 4)) return "sips";
        if (len == 3 && s.regionMatches(true, from, "tel", 0, 3)) return "tel";
        return s.substring(from, colon).toLowerCase(java.util.Locale.ROOT);
    }

    /** Any other absoluteURI (§25.1): kept whole after the colon, in {@code user}. */
    private static SipUri parseOther(String scheme, String s, int i, int to) {
        if (i >= to) throw new IllegalArgumentException("empty " + scheme + " URI");
        for (int j = i; j < to; j++) {
            char c = s.charAt(j);
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c >= 127) throw new IllegalArgumentException("bad " + scheme + " URI");
        }
        return new SipUri(scheme, s.substring(i, to), null, "", -1, Params.EMPTY, null);
    }

    private static SipUri parseTel(String s, int i, int to) {
        int semi = s.indexOf(';', i);
        if (semi < 0 || semi > to) semi = to;
        if (semi == i) throw new IllegalArgumentException("empty tel URI");
        return new SipUri("tel", s.substring(i, semi), null, "", -1, Params.parse(s, semi, to), null);
    }

    private static boolean isHostChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_';
    }

    private static void checkUserChars(String user) {
        for (int j = 0; j < user.length(); j++) {
            char c = user.charAt(j);
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == '@' || c >= 127) {
                throw new IllegalArgumentException("illegal character in URI user part");
            }
        }
    }

    void appendTo(StringBuilder sb) {
        sb.append(scheme).append(':');
        if (!isSip()) {
            sb.append(user);
            params.appendTo(sb);
            return;
        }
        if (user != null) {
            sb.append(user);
            if (password != null) sb.append(':').append(password);
            sb.append('@');
        }
        sb.append(host);
        if (port >= 0) sb.append(':').append(port);
        params.appendTo(sb);
        if (headers != null) sb.append('?').append(headers);
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder(48);
        appendTo(sb);
        return sb.toString();
    }
}
