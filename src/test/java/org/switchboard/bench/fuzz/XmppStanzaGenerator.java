package org.switchboard.bench.fuzz;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded stanzas that are well-formed XML (so the server routes them) and hostile in every other
 * way: unknown and empty types, ids and priorities, attribute values out of range, elements in
 * the namespaces Smack has parsers for with the wrong attributes, unknown namespaces, nesting past
 * 100, hundreds of attributes, long names, and text up to the server's stanza limit.
 */
final class XmppStanzaGenerator {
    /** A stanza and, for an iq get or set, the id its reply will carry (RFC 6120 §8.2.3: one is due). */
    record Stanza(String xml, String requestId) {}

    static final List<String> NAMESPACES = List.of("urn:xmpp:jingle:1", "urn:xmpp:jingle:apps:rtp:1",
            "urn:xmpp:jingle:transports:ice-udp:1", "urn:xmpp:jingle:transports:s5b:1", "urn:xmpp:jingle:transports:ibb:1",
            "urn:xmpp:jingle-message:0", "urn:xmpp:jingle:errors:1", "jabber:x:data", "http://jabber.org/protocol/chatstates",
            "urn:xmpp:receipts", "http://jabber.org/protocol/xhtml-im", "urn:xmpp:delay", "jabber:x:delay",
            "http://jabber.org/protocol/caps", "jabber:iq:roster", "http://jabber.org/protocol/disco#info",
            "http://jabber.org/protocol/disco#items", "urn:xmpp:ping", "vcard-temp", "http://jabber.org/protocol/muc",
            "http://jabber.org/protocol/muc#user", "urn:xmpp:forward:0", "urn:xmpp:carbons:2", "urn:xmpp:mam:2",
            "http://jabber.org/protocol/pubsub", "http://jabber.org/protocol/pubsub#event", "urn:xmpp:sid:0", "jabber:x:oob",
            "urn:xmpp:hints", "urn:xmpp:eme:0", "http://jabber.org/protocol/nick", "urn:xmpp:attention:0",
            "urn:xmpp:message-correct:0", "http://jabber.org/protocol/ibb", "urn:xmpp:bob", "http://jabber.org/protocol/address",
            "urn:ietf:params:xml:ns:xmpp-stanzas", "jabber:x:conference", "http://jabber.org/protocol/amp", "jabber:iq:version",
            "jabber:iq:last", "urn:xmpp:time", "jabber:iq:private", "urn:xmpp:blocking", "http://jabber.org/protocol/rsm",
            "http://jabber.org/protocol/commands", "jabber:x:signed", "jabber:x:encrypted", "urn:xmpp:idle:1", "jabber:client", "");
    static final List<String> NAMES = List.of("x", "query", "jingle", "content", "description", "transport", "candidate",
            "payload-type", "parameter", "delay", "body", "subject", "thread", "error", "c", "item", "items", "event", "forwarded",
            "received", "sent", "result", "fin", "set", "first", "last", "count", "field", "value", "option", "reported", "data",
            "open", "close", "feature", "identity", "propose", "accept", "reject", "retract", "proceed", "request", "active",
            "composing", "status", "show", "priority", "text", "ping", "vCard", "html", "nick", "replace", "origin-id", "stanza-id",
            "address", "addresses", "rule", "invite", "decline", "password", "actor", "reason", "destroy", "group", "headers");
    static final List<String> ATTRIBUTES = List.of("type", "var", "node", "jid", "id", "sid", "action", "creator", "name",
            "senders", "stamp", "from", "to", "ver", "hash", "seq", "block-size", "stanza", "code", "by", "label", "value",
            "media", "ssrc", "clockrate", "channels", "ptime", "component", "foundation", "generation", "ip", "port", "priority",
            "protocol", "ufrag", "pwd", "subscription", "ask", "approved", "affiliation", "role", "xml:lang", "mode", "initiator",
            "responder", "disposition", "category", "ext", "uri", "url", "seconds", "status", "host", "cid");
    static final List<String> VALUES = List.of("", "0", "-1", "1", "127", "128", "-128", "-129", "255", "256", "65535", "65536",
            "2147483648", "-2147483649", "99999999999999999999", "abc", "NaN", "1e9", "0x10", " 1", "true", "false", "none", "both",
            "to", "from", "remove", "chat", "normal", "headline", "groupchat", "error", "get", "set", "result", "bogus", "online",
            "away", "xa", "dnd", "available", "unavailable", "subscribe", "probe", "initiator", "responder", "x",
            "session-initiate", "session-accept", "session-terminate", "transport-info", "content-add", "audio", "video",
            "udp", "tcp", "host", "srflx", "relay", "sha-1", "sha-256", "md5", "2024-13-45T25:61:61Z", "1970-01-01T00:00:00Z",
            "20020910T23:08:25", "stranger@skype.example", "a@b@c", "@", "/", "x@/y", "example..com", "lmentinc@skype.example/switchboard",
            "::1", "127.0.0.1", "999.1.1.1", "en", "zz-ZZ", "form", "submit", "cancel", "text-single", "list-multi", "jid-single",
            "wait", "modify", "auth", "service-unavailable", "\u00e9\u00e8", "\u202e\u202d", "\uD83D\uDE00", "&<>\"'", "]]>");

    /** An attribute slot {@code  name='{v}'} (left out now and then), a child element {@code {e}} or text {@code {t}}. */
    private static final Pattern SLOT = Pattern.compile(" ([\\w:-]+)='\\{v}'|\\{e}|\\{t}");
    private static final List<String> TEMPLATES = List.of(
            "<jingle xmlns='urn:xmpp:jingle:1' action='{v}' sid='{v}' initiator='{v}' responder='{v}'><content creator='{v}'"
                    + " name='{v}' senders='{v}' disposition='{v}'><description xmlns='urn:xmpp:jingle:apps:rtp:1' media='{v}'"
                    + " ssrc='{v}'><payload-type id='{v}' name='{v}' clockrate='{v}' channels='{v}' ptime='{v}'><parameter"
                    + " name='{v}' value='{v}'/></payload-type></description><transport xmlns='urn:xmpp:jingle:transports:ice-udp:1'"
                    + " ufrag='{v}' pwd='{v}'><candidate component='{v}' foundation='{v}' generation='{v}' id='{v}' ip='{v}'"
                    + " port='{v}' priority='{v}' protocol='{v}' type='{v}'/></transport></content>{e}<reason>{e}<text>{t}</text>"
                    + "</reason></jingle>",
            "<x xmlns='jabber:x:data' type='{v}'><title>{t}</title><field var='{v}' type='{v}' label='{v}'><value>{t}</value>"
                    + "<option label='{v}'><value>{t}</value></option></field><reported>{e}</reported><item>{e}</item></x>",
            "<delay xmlns='urn:xmpp:delay' stamp='{v}' from='{v}'>{t}</delay>",
            "<x xmlns='jabber:x:delay' stamp='{v}' from='{v}'/>",
            "<c xmlns='http://jabber.org/protocol/caps' hash='{v}' node='{v}' ver='{v}' ext='{v}'/>",
            "<error type='{v}' code='{v}' by='{v}'><bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>{e}<text"
                    + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='{v}'>{t}</text></error>",
            "<query xmlns='jabber:iq:roster' ver='{v}'><item jid='{v}' name='{v}' subscription='{v}' ask='{v}' approved='{v}'>"
                    + "<group>{t}</group></item></query>",
            "<query xmlns='http://jabber.org/protocol/disco#info' node='{v}'><identity category='{v}' type='{v}' name='{v}'/>"
                    + "<feature var='{v}'/>{e}</query>",
            "<ping xmlns='urn:xmpp:ping'/>",
            "<received xmlns='urn:xmpp:receipts' id='{v}'/>",
            "<sent xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' stamp='{v}'/>"
                    + "<message xmlns='jabber:client' type='{v}' from='{v}' to='{v}' id='{v}'><body>{t}</body>{e}</message>"
                    + "</forwarded></sent>",
            "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='{v}' role='{v}' jid='{v}' nick='{v}'><actor"
                    + " jid='{v}'/><reason>{t}</reason></item><status code='{v}'/><invite from='{v}'><reason>{t}</reason></invite></x>",
            "<propose xmlns='urn:xmpp:jingle-message:0' id='{v}'><description xmlns='urn:xmpp:jingle:apps:rtp:1' media='{v}'/>"
                    + "</propose>",
            "<event xmlns='http://jabber.org/protocol/pubsub#event'><items node='{v}'><item id='{v}'>{e}</item><retract"
                    + " id='{v}'/></items></event>",
            "<result xmlns='urn:xmpp:mam:2' queryid='{v}' id='{v}'><forwarded xmlns='urn:xmpp:forward:0'><message"
                    + " xmlns='jabber:client' type='{v}'><body>{t}</body></message></forwarded></result>",
            "<open xmlns='http://jabber.org/protocol/ibb' block-size='{v}' sid='{v}' stanza='{v}'/>",
            "<data xmlns='http://jabber.org/protocol/ibb' seq='{v}' sid='{v}'>{t}</data>",
            "<stanza-id xmlns='urn:xmpp:sid:0' id='{v}' by='{v}'/>",
            "<replace xmlns='urn:xmpp:message-correct:0' id='{v}'/>",
            "<html xmlns='http://jabber.org/protocol/xhtml-im'><body xmlns='http://www.w3.org/1999/xhtml'>{t}<p style='{v}'>"
                    + "{t}{e}</p></body></html>",
            "<vCard xmlns='vcard-temp'><FN>{t}</FN><PHOTO><TYPE>{t}</TYPE><BINVAL>{t}</BINVAL></PHOTO>{e}</vCard>",
            "<addresses xmlns='http://jabber.org/protocol/address'><address type='{v}' jid='{v}' uri='{v}' desc='{v}'/></addresses>",
            "<amp xmlns='http://jabber.org/protocol/amp' per-hop='{v}' status='{v}'><rule action='{v}' condition='{v}'"
                    + " value='{v}'/></amp>",
            "<set xmlns='http://jabber.org/protocol/rsm'><max>{t}</max><index>{t}</index><first index='{v}'>{t}</first></set>",
            "<idle xmlns='urn:xmpp:idle:1' since='{v}'/>");

    private final Random r;
    private final String full;
    private final String bare;
    private long count;

    XmppStanzaGenerator(long seed, String fullJid, String bareJid) {
        this.r = new Random(seed);
        this.full = fullJid;
        this.bare = bareJid;
    }

    /** Prosody's c2s_stanza_size_limit in the test network is 1 MiB; a bigger stanza would end the sender's stream. */
    static final int MAX_BYTES = 1_000_000;

    Stanza next() {
        while (true) {
            Stanza s = any();
            if (s.xml().length() * 3L <= MAX_BYTES || s.xml().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_BYTES) return s;
        }
    }

    private Stanza any() {
        count++;
        int kind = r.nextInt(100);
        if (kind < 40) return new Stanza(message(), null);
        if (kind < 65) return new Stanza(presence(), null);
        return iq();
    }

    private String message() {
        StringBuilder sb = new StringBuilder("<message to='").append(r.nextInt(3) == 0 ? bare : full).append('\'');
        optional(sb, "type", 0.8, "chat", "normal", "headline", "groupchat", "error", "bogus", "", "CHAT", "chat ");
        optional(sb, "id", 0.7, "", "m" + count, value());
        if (r.nextInt(10) == 0) sb.append(" xml:lang='").append(escape(value())).append('\'');
        sb.append('>');
        if (r.nextInt(3) > 0) sb.append("<body").append(r.nextInt(10) == 0 ? " xml:lang='" + escape(value()) + "'" : "").append('>')
                .append(text()).append("</body>");
        if (r.nextInt(10) == 0) sb.append("<body>").append(text()).append("</body>");
        if (r.nextInt(8) == 0) sb.append("<subject>").append(text()).append("</subject>");
        if (r.nextInt(8) == 0) sb.append("<thread parent='").append(escape(value())).append("'>").append(text()).append("</thread>");
        children(sb);
        return sb.append("</message>").toString();
    }

    private String presence() {
        StringBuilder sb = new StringBuilder("<presence to='").append(r.nextInt(2) == 0 ? bare : full).append('\'');
        // no subscription types: they would change the accounts' rosters, not test parsing
        optional(sb, "type", 0.4, "unavailable", "error", "bogus", "", "available");
        optional(sb, "id", 0.5, "", "p" + count, value());
        sb.append('>');
        if (r.nextInt(2) == 0) sb.append("<show>").append(escape(pick("online", "away", "chat", "dnd", "xa", "", " away", value()))).append("</show>");
        if (r.nextInt(2) == 0) sb.append("<priority>").append(escape(pick("128", "-129", "abc", "", "0", "127", "-128", "1.5", value())))
                .append("</priority>");
        if (r.nextInt(3) == 0) sb.append("<status>").append(text()).append("</status>");
        children(sb);
        return sb.append("</presence>").toString();
    }

    private Stanza iq() {
        String type = pick("get", "set", "get", "set", "result", "error", "bogus", "");
        boolean request = type.equals("get") || type.equals("set");
        // one in ten without an id of ours: none, empty or random (no reply can be expected then)
        String id = r.nextInt(10) > 0 ? "raw-fz-" + count : pick("", null, escape(value()));
        StringBuilder sb = new StringBuilder("<iq to='").append(full).append("' type='").append(type).append('\'');
        if (id != null) sb.append(" id='").append(id).append('\'');
        sb.append('>');
        if (id == null || !id.startsWith("raw-fz-")) request = false;
        int children = r.nextInt(10) == 0 ? 0 : r.nextInt(8) == 0 ? 2 : 1;
        for (int i = 0; i < children; i++) {
            if (r.nextInt(3) == 0) element(sb, 2 + r.nextInt(3), true);
            else sb.append(template());
        }
        if (type.equals("error") && r.nextBoolean()) sb.append(TEMPLATES.get(5).replace("{e}", "").replace("{t}", text()).replace("{v}", "cancel"));
        sb.append("</iq>");
        return new Stanza(sb.toString(), request ? id : null);
    }

    private void children(StringBuilder sb) {
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(100);
            if (k < 55) sb.append(template());
            else if (k < 90) element(sb, 1 + r.nextInt(4), true);
            else if (k < 96) deep(sb);
            else manyAttributes(sb);
        }
    }

    /** Fills a template's slots in one pass, so a generated value that happens to read "{e}" stays text. */
    private String template() {
        Matcher m = SLOT.matcher(TEMPLATES.get(r.nextInt(TEMPLATES.size())));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String fill;
            if (m.group(1) != null) fill = r.nextInt(7) == 0 ? "" : " " + m.group(1) + "='" + escape(value()) + "'";
            else if (m.group().equals("{e}")) fill = r.nextBoolean() ? "" : randomElement();
            else fill = text();
            m.appendReplacement(sb, Matcher.quoteReplacement(fill));
        }
        return m.appendTail(sb).toString();
    }

    private String randomElement() {
        StringBuilder sb = new StringBuilder();
        element(sb, 1 + r.nextInt(3), r.nextBoolean());
        return sb.toString();
    }

    private void element(StringBuilder sb, int depth, boolean namespaced) {
        String name = r.nextInt(200) == 0 ? "n" + "x".repeat(1000 + r.nextInt(3000)) : r.nextInt(4) == 0 ? word() : pick(NAMES);
        sb.append('<').append(name);
        if (namespaced) sb.append(" xmlns='").append(escape(r.nextInt(4) == 0 ? "urn:fz:" + word() : pick(NAMESPACES))).append('\'');
        Set<String> used = new HashSet<>();
        int attrs = r.nextInt(5);
        for (int i = 0; i < attrs; i++) {
            String a = r.nextInt(3) == 0 ? word() : pick(ATTRIBUTES);
            if (a.equals("xmlns") || !used.add(a)) continue;
            sb.append(' ').append(a).append("='").append(escape(value())).append('\'');
        }
        if (depth <= 1 || r.nextInt(4) == 0) {
            if (r.nextBoolean()) sb.append("/>");
            else sb.append('>').append(text()).append("</").append(name).append('>');
            return;
        }
        sb.append('>');
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(3) == 0) sb.append(text());
            element(sb, depth - 1, r.nextInt(3) == 0);
        }
        sb.append("</").append(name).append('>');
    }

    /** A chain nested around the limit (100 levels, counting the stream and the stanza) or far past it. */
    private void deep(StringBuilder sb) {
        int depth = r.nextBoolean() ? 95 + r.nextInt(10) : 100 + r.nextInt(400);
        String name = pick(NAMES);
        sb.append('<').append(name).append(" xmlns='").append(escape(pick(NAMESPACES))).append("'>");
        for (int i = 1; i < depth; i++) sb.append('<').append(name).append('>');
        sb.append(text());
        for (int i = 0; i < depth; i++) sb.append("</").append(name).append('>');
    }

    /** Around the per-element limit of 200 attributes, or far past it. */
    private void manyAttributes(StringBuilder sb) {
        int n = r.nextBoolean() ? 195 + r.nextInt(10) : 200 + r.nextInt(2000);
        sb.append("<x xmlns='urn:fz:attrs'");
        for (int i = 0; i < n; i++) sb.append(" a").append(i).append("='").append(escape(pick(VALUES))).append('\'');
        sb.append("/>");
    }

    private String text() {
        int k = r.nextInt(1000);
        if (k < 2) return "z".repeat(100_000 + r.nextInt(600_000));       // up to the 1 MB stanza limit, base64 and all
        if (k < 20) return escape(randomText(1000 + r.nextInt(20_000)));
        if (k < 300) return escape(value());
        return escape(randomText(r.nextInt(40)));
    }

    private String value() {
        int k = r.nextInt(100);
        if (k < 70) return pick(VALUES);
        if (k < 80) return Long.toString(r.nextLong());
        if (k < 95) return randomText(r.nextInt(30));
        return randomText(1000 + r.nextInt(5000));
    }

    /** Characters XML 1.0 may carry, from ASCII to astral planes, tab and line breaks included. */
    private String randomText(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int k = r.nextInt(100);
            if (k < 70) sb.append((char) (0x20 + r.nextInt(0x5f)));
            else if (k < 75) sb.append(pick("\t", "\n", "\r"));
            else if (k < 90) sb.append((char) (0xA0 + r.nextInt(0xD7FF - 0xA0)));
            else if (k < 95) sb.appendCodePoint(0x10000 + r.nextInt(0xFFFFF));
            else sb.append((char) (0xE000 + r.nextInt(0xFFFD - 0xE000)));
        }
        return sb.toString();
    }

    private String word() {
        int n = 1 + r.nextInt(12);
        StringBuilder sb = new StringBuilder().append((char) ('a' + r.nextInt(26)));
        for (int i = 1; i < n; i++) sb.append("abcdefghijklmnopqrstuvwxyz0123456789-_.".charAt(r.nextInt(39)));
        return sb.toString();
    }

    private void optional(StringBuilder sb, String attribute, double p, String... values) {
        if (r.nextDouble() < p) sb.append(' ').append(attribute).append("='").append(escape(pick(values))).append('\'');
    }

    private String pick(String... values) { return values[r.nextInt(values.length)]; }

    private String pick(List<String> values) { return values.get(r.nextInt(values.size())); }

    /** Escaped for an attribute value in single or double quotes and for text: ]]> and CR survive too. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\'' -> sb.append("&apos;");
                case '"' -> sb.append("&quot;");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append("&#9;");
                case '\n' -> sb.append("&#10;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
