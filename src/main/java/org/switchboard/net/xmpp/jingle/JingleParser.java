package org.switchboard.net.xmpp.jingle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.switchboard.net.xmpp.jingle.Jingle.Candidate;
import org.switchboard.net.xmpp.jingle.Jingle.Content;
import org.switchboard.net.xmpp.jingle.Jingle.Fingerprint;
import org.switchboard.net.xmpp.jingle.Jingle.IceUdpTransport;
import org.switchboard.net.xmpp.jingle.Jingle.PayloadType;
import org.switchboard.net.xmpp.jingle.Jingle.Reason;
import org.switchboard.net.xmpp.jingle.Jingle.RtpDescription;

/**
 * {@code <jingle/>} to {@link Jingle}: a plain function, no I/O, never throws. Anything a sender
 * got wrong (a missing or unknown required attribute, a number out of range, too many elements)
 * is a {@link JingleResult.Bad} naming it, which becomes bad-request (XEP-0166 §8).
 */
public final class JingleParser {
    static final int MAX_CONTENTS = 8;
    static final int MAX_PAYLOAD_TYPES = 64;
    static final int MAX_CANDIDATES = 64;
    private static final Set<String> CREATORS = Set.of("initiator", "responder");
    private static final Set<String> SENDERS = Set.of("both", "initiator", "responder", "none");
    private static final Set<String> CANDIDATE_TYPES = Set.of("host", "prflx", "srflx", "relay");
    private static final Set<String> SETUPS = Set.of("actpass", "active", "passive", "holdconn");

    private JingleParser() {}

    /** Signals a bad field while walking the tree; caught in {@link #parse}, never leaves this class. */
    private static final class BadField extends Exception {
        BadField(String why) { super(why, null, false, false); }
    }

    public static JingleResult<Jingle> parse(XmlNode j) {
        try {
            return JingleResult.ok(jingle(j));
        } catch (BadField e) {
            return JingleResult.bad(e.getMessage());
        }
    }

    private static Jingle jingle(XmlNode j) throws BadField {
        if (!j.name().equals("jingle") || !j.namespace().equals(Jingle.NS)) throw new BadField("not a <jingle xmlns='" + Jingle.NS + "'>");
        String actionText = j.attr("action");
        Jingle.Action action = Jingle.Action.of(actionText);
        if (action == null) throw new BadField("unknown action '" + clip(actionText) + "'");
        String sid = required(j, "sid", "jingle");
        if (sid.length() > 256) throw new BadField("sid longer than 256 characters");
        List<Content> contents = new ArrayList<>();
        Reason reason = null;
        Jingle.Info info = null;
        for (XmlNode c : j.children()) {
            if (c.name().equals("content") && c.namespace().equals(Jingle.NS)) {
                if (contents.size() == MAX_CONTENTS) throw new BadField("more than " + MAX_CONTENTS + " contents");
                contents.add(content(c));
            } else if (c.name().equals("reason") && c.namespace().equals(Jingle.NS)) {
                reason = reason(c);
            } else if (c.namespace().equals(Jingle.NS_RTP_INFO)) {
                info = info(c);
            }
        }
        if ((action == Jingle.Action.SESSION_INITIATE || action == Jingle.Action.SESSION_ACCEPT) && contents.isEmpty()) {
            throw new BadField(action.xml() + " without a content"); // XEP-0166 §7.2.10: at least one
        }
        return new Jingle(action, sid, blankToNull(j.attr("initiator")), blankToNull(j.attr("responder")), contents, reason, info);
    }

    private static Content content(XmlNode c) throws BadField {
        String creator = c.attr("creator");
        if (creator == null || !CREATORS.contains(creator)) throw new BadField("content creator '" + clip(creator) + "' is not initiator or responder");
        String name = required(c, "name", "content");
        String senders = c.attr("senders") == null ? "both" : c.attr("senders");
        if (!SENDERS.contains(senders)) throw new BadField("content senders '" + clip(senders) + "'");
        String dNs = null, tNs = null;
        RtpDescription d = null;
        IceUdpTransport t = null;
        for (XmlNode x : c.children()) {
            if (x.name().equals("description") && dNs == null) {
                dNs = x.namespace();
                if (dNs.equals(Jingle.NS_RTP)) d = description(x);
            } else if (x.name().equals("transport") && tNs == null) {
                tNs = x.namespace();
                if (tNs.equals(Jingle.NS_ICE_UDP)) t = transport(x);
            }
        }
        return new Content(creator, name, senders, dNs, d, tNs, t);
    }

    /** XEP-0167 §5. */
    static RtpDescription description(XmlNode d) throws BadField {
        String media = d.attr("media");
        if (media == null || media.isEmpty()) throw new BadField("RTP description without media");
        List<PayloadType> pts = new ArrayList<>();
        boolean mux = false;
        for (XmlNode x : d.children()) {
            if (x.name().equals("payload-type")) {
                if (pts.size() == MAX_PAYLOAD_TYPES) throw new BadField("more than " + MAX_PAYLOAD_TYPES + " payload types");
                pts.add(payloadType(x));
            } else if (x.name().equals("rtcp-mux")) {
                mux = true;
            }
        }
        return new RtpDescription(media, pts, mux);
    }

    private static PayloadType payloadType(XmlNode p) throws BadField {
        int id = number(p, "id", 0, 127, -1);
        if (id < 0) throw new BadField("payload-type without id");
        String name = p.attr("name");
        int clock = number(p, "clockrate", 1, 1_000_000, 0);
        int channels = number(p, "channels", 1, 255, 1);
        Map<String, String> params = new LinkedHashMap<>();
        for (XmlNode x : p.children("parameter")) {
            String n = x.attr("name");
            String v = x.attr("value");
            if (n == null || v == null) throw new BadField("payload-type parameter without name or value");
            if (params.size() < 32) params.put(n, v);
        }
        return new PayloadType(id, name, clock, channels, params);
    }

    /** XEP-0176 §4 with XEP-0320 §3 inside. */
    static IceUdpTransport transport(XmlNode t) throws BadField {
        List<Candidate> cands = new ArrayList<>();
        Fingerprint fp = null;
        for (XmlNode x : t.children()) {
            if (x.name().equals("candidate")) {
                if (cands.size() == MAX_CANDIDATES) throw new BadField("more than " + MAX_CANDIDATES + " candidates");
                cands.add(candidate(x));
            } else if (x.name().equals("fingerprint") && x.namespace().equals(Jingle.NS_DTLS) && fp == null) {
                fp = fingerprint(x);
            }
        }
        String ufrag = blankToNull(t.attr("ufrag")), pwd = blankToNull(t.attr("pwd"));
        if (ufrag != null && (ufrag.length() > 256 || pwd == null || pwd.length() > 256)) {
            throw new BadField("ICE ufrag without pwd, or either longer than 256 characters");
        }
        return new IceUdpTransport(ufrag, pwd, cands, fp);
    }

    private static Candidate candidate(XmlNode c) throws BadField {
        String foundation = required(c, "foundation", "candidate");
        int component = number(c, "component", 1, 256, -1);
        if (component < 0) throw new BadField("candidate without component");
        String protocol = required(c, "protocol", "candidate").toLowerCase(java.util.Locale.ROOT);
        long priority = longNumber(c, "priority", 0, 0xffffffffL);
        String ip = required(c, "ip", "candidate");
        if (ip.length() > 64) throw new BadField("candidate ip longer than 64 characters");
        int port = number(c, "port", 0, 65535, -1);
        if (port < 0) throw new BadField("candidate without port");
        String type = required(c, "type", "candidate");
        if (!CANDIDATE_TYPES.contains(type)) throw new BadField("candidate type '" + clip(type) + "'");
        String rel = blankToNull(c.attr("rel-addr"));
        int relPort = number(c, "rel-port", 0, 65535, 0);
        int generation = number(c, "generation", 0, Integer.MAX_VALUE, 0);
        int network = number(c, "network", 0, Integer.MAX_VALUE, 0);
        return new Candidate(foundation, component, protocol, priority, ip, port, type, rel, relPort, generation,
            blankToNull(c.attr("id")), network);
    }

    private static Fingerprint fingerprint(XmlNode f) throws BadField {
        String hash = required(f, "hash", "fingerprint");
        String setup = f.attr("setup") == null ? "actpass" : f.attr("setup");
        if (!SETUPS.contains(setup)) throw new BadField("fingerprint setup '" + clip(setup) + "'");
        String value = f.text().trim();
        if (!value.matches("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){15,63}")) throw new BadField("fingerprint value is not hex pairs");
        return new Fingerprint(hash.toLowerCase(java.util.Locale.ROOT), setup, value.toUpperCase(java.util.Locale.ROOT));
    }

    private static Reason reason(XmlNode r) {
        String condition = null, text = null;
        for (XmlNode x : r.children()) {
            if (x.name().equals("text")) text = x.text().length() > 1024 ? x.text().substring(0, 1024) : x.text();
            else if (condition == null) condition = Jingle.REASONS.contains(x.name()) ? x.name() : "failed-application";
        }
        return new Reason(condition == null ? "general-error" : condition, text);
    }

    private static Jingle.Info info(XmlNode i) {
        return switch (i.name()) {
            case "ringing" -> Jingle.Info.RINGING;
            case "active" -> Jingle.Info.ACTIVE;
            case "hold" -> Jingle.Info.HOLD;
            case "unhold" -> Jingle.Info.UNHOLD;
            case "mute" -> Jingle.Info.MUTE;
            case "unmute" -> Jingle.Info.UNMUTE;
            default -> null;
        };
    }

    private static String required(XmlNode n, String attr, String element) throws BadField {
        String v = n.attr(attr);
        if (v == null || v.isEmpty()) throw new BadField(element + " without " + attr);
        return v;
    }

    private static int number(XmlNode n, String attr, int min, int max, int dflt) throws BadField {
        String v = n.attr(attr);
        if (v == null) return dflt;
        try {
            int x = Integer.parseInt(v.trim());
            if (x >= min && x <= max) return x;
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadField(n.name() + " " + attr + " '" + clip(v) + "' is not a number from " + min + " to " + max);
    }

    private static long longNumber(XmlNode n, String attr, long min, long max) throws BadField {
        String v = n.attr(attr);
        if (v == null) throw new BadField(n.name() + " without " + attr);
        try {
            long x = Long.parseLong(v.trim());
            if (x >= min && x <= max) return x;
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadField(n.name() + " " + attr + " '" + clip(v) + "' is not a number from " + min + " to " + max);
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }

    static String clip(String s) { return s == null ? "null" : s.length() <= 40 ? s : s.substring(0, 40) + "..."; }
}
