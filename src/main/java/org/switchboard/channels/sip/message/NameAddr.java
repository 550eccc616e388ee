package org.switchboard.channels.sip.message;

/**
 * {@code ["display name"] <uri>;params} or {@code uri;params}, as in From, To, Contact, Route,
 * Record-Route (RFC 3261 §20.10, §25.1 name-addr / addr-spec). The display name is unquoted
 * (null when absent); params are the header's, not the URI's. A Contact of {@code *} has a null uri.
 */
public record NameAddr(String displayName, SipUri uri, Params params) {

    public static final NameAddr WILDCARD = new NameAddr(null, null, Params.EMPTY);

    public NameAddr {
        if (params == null) params = Params.EMPTY;
    }

    public static NameAddr of(SipUri uri) { return new NameAddr(null, uri, Params.EMPTY); }

    public String tag() { return params.get("tag"); }
    public String param(String name) { return params.get(name); }
    public boolean isWildcard() { return uri == null; }

    public NameAddr withTag(String tag) { return new NameAddr(displayName, uri, params.with("tag", tag)); }
    public NameAddr withParam(String name, String value) {
        return new NameAddr(displayName, uri, params.with(name, value));
    }

    /** Parses one value; throws IllegalArgumentException with a reason when malformed. */
    public static NameAddr parse(String s) {
        int to = Text.trimEnd(s, 0, s.length());
        int i = Text.skipWs(s, 0, to);
        if (i < to && s.charAt(i) == '*' && Text.skipWs(s, i + 1, to) == to) return WILDCARD;
        String display = null;
        int lt;
        if (i < to && s.charAt(i) == '"') {
            int end = Text.endOfQuoted(s, i, to);
            display = Text.unquote(s.substring(i, end));
            lt = Text.skipWs(s, end, to);
            if (lt >= to || s.charAt(lt) != '<') throw new IllegalArgumentException("quoted display name without <uri>");
        } else {
            lt = s.indexOf('<', i);
            if (lt >= 0) {
                // display-name as *(token LWS): RFC 3261 §25.1; UTF-8 text is let through, as phones send it
                int de = Text.trimEnd(s, i, lt);
                for (int j = i; j < de; j++) {
                    char c = s.charAt(j);
                    if (!Text.isToken(c) && !Text.isWs(c) && c < 0x80) throw new IllegalArgumentException("bad display name");
                }
                if (de > i) display = s.substring(i, de);
            }
        }
        if (lt >= 0 && lt < to) {
            int gt = s.indexOf('>', lt);
            if (gt < 0) throw new IllegalArgumentException("'<' without '>'");
            // LAQUOT addr-spec RAQUOT (§25.1): nothing between the brackets and the URI (RFC 4475 §3.1.2.14)
            if (gt == lt + 1 || Text.isWs(s.charAt(lt + 1)) || Text.isWs(s.charAt(gt - 1))) {
                throw new IllegalArgumentException("whitespace inside <>");
            }
            SipUri uri = SipUri.parse(s, lt + 1, gt);
            return new NameAddr(display, uri, Params.parse(s, gt + 1, to));
        }
        // addr-spec: parameters after the URI belong to the header (§20.10)
        int semi = s.indexOf(';', i);
        int ue = Text.trimEnd(s, i, semi < 0 ? to : semi);
        for (int j = i; j < ue; j++) {
            char c = s.charAt(j);
            if (Text.isWs(c) || c == ',' || c == '?') throw new IllegalArgumentException("bad addr-spec");
        }
        SipUri uri = SipUri.parse(s, i, ue);
        return new NameAddr(null, uri, Params.parse(s, semi < 0 ? to : semi, to));
    }

    @Override public String toString() {
        if (uri == null) return "*";
        StringBuilder sb = new StringBuilder(64);
        if (displayName != null) sb.append(Text.quote(displayName)).append(' ');
        sb.append('<');
        uri.appendTo(sb);
        sb.append('>');
        params.appendTo(sb);
        return sb.toString();
    }
}
