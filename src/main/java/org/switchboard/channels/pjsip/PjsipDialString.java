package org.switchboard.channels.pjsip;

/**
 * What follows {@code PJSIP/} in a dial string, as chan_pjsip reads it:
 * {@code [user@]endpoint[/request_uri]}.
 *
 * @param user       the Request-URI user for a trunk ({@code PJSIP/100@provider}), or null
 * @param endpoint   the endpoint's name
 * @param requestUri an explicit URI to call ({@code PJSIP/alice/sip:alice@10.0.0.5:5062}), or null
 */
public record PjsipDialString(String user, String endpoint, String requestUri) {

    /** Parses; throws IllegalArgumentException with a reason an admin can act on. */
    public static PjsipDialString parse(String data) {
        String s = data == null ? "" : data.strip();
        String uri = null;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            uri = s.substring(slash + 1).strip();
            s = s.substring(0, slash).strip();
            if (uri.isEmpty()) throw new IllegalArgumentException("empty request URI after '/' in PJSIP dial string '" + data + "'");
            if (!uri.regionMatches(true, 0, "sip:", 0, 4) && !uri.regionMatches(true, 0, "sips:", 0, 5)) {
                throw new IllegalArgumentException("request URI '" + uri + "' in PJSIP dial string is not a sip: URI");
            }
        }
        String user = null;
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            user = s.substring(0, at).strip();
            s = s.substring(at + 1).strip();
            if (user.isEmpty()) user = null;
        }
        if (s.isEmpty()) throw new IllegalArgumentException("PJSIP dial string '" + data + "' names no endpoint");
        if (s.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == '"' || c == ':')) {
            throw new IllegalArgumentException("bad endpoint '" + s + "' in PJSIP dial string");
        }
        if (user != null && user.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == '"')) {
            throw new IllegalArgumentException("bad user '" + user + "' in PJSIP dial string");
        }
        return new PjsipDialString(user, s, uri);
    }
}
