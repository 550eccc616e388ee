package org.switchboard.net.xmpp.jingle;

/** A JMI element (XEP-0353) to {@link Jmi} and back; no I/O, never throws. */
public final class JmiParser {
    private JmiParser() {}

    public static JingleResult<Jmi> parse(XmlNode n) {
        if (!n.namespace().equals(Jingle.NS_JMI)) return JingleResult.bad("not in " + Jingle.NS_JMI);
        Jmi.Kind kind = Jmi.Kind.of(n.name());
        if (kind == null) return JingleResult.bad("unknown JMI element <" + JingleParser.clip(n.name()) + ">");
        String id = n.attr("id");
        if (id == null || id.isEmpty() || id.length() > 256) return JingleResult.bad("<" + n.name() + "> without a usable id");
        Jingle.RtpDescription d = null;
        Jingle.Reason reason = null;
        for (XmlNode c : n.children()) {
            if (c.name().equals("description") && c.namespace().equals(Jingle.NS_RTP) && d == null) {
                JingleResult<Jingle.RtpDescription> r = description(c);
                if (r instanceof JingleResult.Bad<Jingle.RtpDescription> b) return JingleResult.bad(b.why());
                d = ((JingleResult.Ok<Jingle.RtpDescription>) r).value();
            } else if (c.name().equals("reason")) {
                String cond = null, text = null;
                for (XmlNode x : c.children()) {
                    if (x.name().equals("text")) text = x.text();
                    else if (cond == null) cond = Jingle.REASONS.contains(x.name()) ? x.name() : "failed-application";
                }
                reason = new Jingle.Reason(cond == null ? "general-error" : cond, text);
            }
        }
        return JingleResult.ok(new Jmi(kind, id, d, reason));
    }

    /** XEP-0353 §3.1: the description of a proposal needs only its media; payload types are optional. */
    private static JingleResult<Jingle.RtpDescription> description(XmlNode c) {
        String media = c.attr("media");
        if (media == null || media.isEmpty()) return JingleResult.bad("propose description without media");
        JingleResult<Jingle> r = JingleParser.parse(XmlNode.of("jingle", Jingle.NS).with("action", "description-info").with("sid", "x")
            .add(XmlNode.of("content", Jingle.NS).with("creator", "initiator").with("name", "m").add(c)));
        if (r instanceof JingleResult.Bad<Jingle> b) return JingleResult.bad(b.why());
        return JingleResult.ok(((JingleResult.Ok<Jingle>) r).value().contents().get(0).description());
    }

    public static XmlNode write(Jmi m) {
        XmlNode n = XmlNode.of(m.kind().xml(), Jingle.NS_JMI).with("id", m.id());
        if (m.description() != null) n = n.add(JingleWriter.description(m.description()));
        if (m.reason() != null) n = n.add(JingleWriter.reason(m.reason()));
        return n;
    }
}
