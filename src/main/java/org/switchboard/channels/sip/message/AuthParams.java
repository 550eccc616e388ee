package org.switchboard.channels.sip.message;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code Digest name=value, name="quoted"} as in WWW-Authenticate and Authorization (RFC 3261 §25.1, RFC 7616 §3.3). */
final class AuthParams {
    private AuthParams() {}

    /** The scheme word in {@code scheme[0]} and the parameters, names lower-cased and values unquoted. */
    static Map<String, String> parse(String s, String[] scheme) {
        int to = Text.trimEnd(s, 0, s.length());
        int i = Text.skipWs(s, 0, to);
        int ss = i;
        while (i < to && Text.isToken(s.charAt(i))) i++;
        if (i == ss) throw new IllegalArgumentException("missing authentication scheme");
        scheme[0] = s.substring(ss, i);
        Map<String, String> out = new LinkedHashMap<>();
        while (i < to) {
            i = Text.skipWs(s, i, to);
            if (i < to && s.charAt(i) == ',') { i++; continue; }
            int ns = i;
            while (i < to && Text.isToken(s.charAt(i))) i++;
            if (i == ns) throw new IllegalArgumentException("bad authentication parameter");
            String name = s.substring(ns, i).toLowerCase(Locale.ROOT);
            i = Text.skipWs(s, i, to);
            if (i >= to || s.charAt(i) != '=') throw new IllegalArgumentException("authentication parameter without value");
            i = Text.skipWs(s, i + 1, to);
            int vs = i;
            String value;
            if (i < to && s.charAt(i) == '"') {
                i = Text.endOfQuoted(s, i, to);
                value = Text.unquote(s.substring(vs, i));
            } else {
                while (i < to && s.charAt(i) != ',' && !Text.isWs(s.charAt(i))) i++;
                value = s.substring(vs, i);
            }
            if (out.putIfAbsent(name, value) != null) throw new IllegalArgumentException("repeated parameter " + name);
        }
        return out;
    }

    static void quoted(StringBuilder sb, String name, String value) {
        if (value == null) return;
        if (sb.charAt(sb.length() - 1) != ' ') sb.append(", ");
        sb.append(name).append('=').append(Text.quote(value));
    }

    static void token(StringBuilder sb, String name, String value) {
        if (value == null) return;
        if (sb.charAt(sb.length() - 1) != ' ') sb.append(", ");
        sb.append(name).append('=').append(value);
    }
}
