package org.switchboard.channels.sip;

/**
 * What follows {@code SIP/} in a dial string, as chan_sip's sip_request_call reads it:
 * {@code peer}, {@code peer/exten}, {@code exten@peer}, {@code user@host[:port]} and
 * {@code host[:port]}, with an optional {@code :port} after a host that is no peer.
 *
 * @param exten the user part of the Request-URI, or null (the peer's defaultuser, or none)
 * @param target a peer name or a host, as written
 * @param port -1 when none was given
 */
public record SipDialString(String exten, String target, int port) {

    /** Parses; throws IllegalArgumentException with a reason an admin can act on. */
    public static SipDialString parse(String data) {
        String s = data == null ? "" : data.trim();
        // Dial options after a second '/' belong to the old chan_sip syntax SIP/peer/exten only
        String exten = null;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            exten = s.substring(slash + 1).trim();
            s = s.substring(0, slash).trim();
            if (exten.isEmpty()) exten = null;
        }
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            String user = s.substring(0, at).trim();
            s = s.substring(at + 1).trim();
            if (exten == null && !user.isEmpty()) exten = user;
        }
        int port = -1;
        int colon = s.lastIndexOf(':');
        if (colon >= 0 && s.indexOf(']') < colon) {
            String p = s.substring(colon + 1);
            if (!p.matches("\\d{1,5}") || Integer.parseInt(p) < 1 || Integer.parseInt(p) > 65535) {
                throw new IllegalArgumentException("bad port '" + p + "' in SIP dial string '" + data + "'");
            }
            port = Integer.parseInt(p);
            s = s.substring(0, colon);
        }
        if (s.isEmpty()) throw new IllegalArgumentException("SIP dial string '" + data + "' names no peer or host");
        if (s.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == '"')) {
            throw new IllegalArgumentException("bad peer or host '" + s + "' in SIP dial string");
        }
        if (exten != null && exten.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == '"' || c == '@')) {
            throw new IllegalArgumentException("bad extension '" + exten + "' in SIP dial string");
        }
        return new SipDialString(exten, s, port);
    }
}
