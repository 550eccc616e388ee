package org.switchboard.net.xmpp.jingle;

import java.util.Locale;
import org.switchboard.net.xmpp.jingle.Jingle.Candidate;
import org.switchboard.net.xmpp.jingle.Jingle.Content;
import org.switchboard.net.xmpp.jingle.Jingle.Fingerprint;
import org.switchboard.net.xmpp.jingle.Jingle.IceUdpTransport;
import org.switchboard.net.xmpp.jingle.Jingle.PayloadType;
import org.switchboard.net.xmpp.jingle.Jingle.Reason;
import org.switchboard.net.xmpp.jingle.Jingle.RtpDescription;

/** {@link Jingle} to {@code <jingle/>}: the inverse of {@link JingleParser}; no I/O. */
public final class JingleWriter {
    private JingleWriter() {}

    public static XmlNode write(Jingle j) {
        XmlNode n = XmlNode.of("jingle", Jingle.NS).with("action", j.action().xml()).with("sid", j.sid())
            .with("initiator", j.initiator()).with("responder", j.responder());
        for (Content c : j.contents()) n = n.add(content(c));
        if (j.reason() != null) n = n.add(reason(j.reason()));
        if (j.info() != null) n = n.add(XmlNode.of(j.info().name().toLowerCase(Locale.ROOT), Jingle.NS_RTP_INFO));
        return n;
    }

    static XmlNode content(Content c) {
        XmlNode n = XmlNode.of("content", Jingle.NS).with("creator", c.creator()).with("name", c.name());
        if (c.senders() != null && !c.senders().equals("both")) n = n.with("senders", c.senders());
        if (c.description() != null) n = n.add(description(c.description()));
        if (c.transport() != null) n = n.add(transport(c.transport()));
        return n;
    }

    public static XmlNode description(RtpDescription d) {
        XmlNode n = XmlNode.of("description", Jingle.NS_RTP).with("media", d.media());
        for (PayloadType p : d.payloadTypes()) {
            XmlNode pt = XmlNode.of("payload-type", Jingle.NS_RTP).with("id", p.id()).with("name", p.name())
                .with("clockrate", p.clockrate() > 0 ? p.clockrate() : null).with("channels", p.channels() > 1 ? p.channels() : null);
            for (var e : p.parameters().entrySet()) {
                pt = pt.add(XmlNode.of("parameter", Jingle.NS_RTP).with("name", e.getKey()).with("value", e.getValue()));
            }
            n = n.add(pt);
        }
        if (d.rtcpMux()) n = n.add(XmlNode.of("rtcp-mux", Jingle.NS_RTP));
        return n;
    }

    public static XmlNode transport(IceUdpTransport t) {
        XmlNode n = XmlNode.of("transport", Jingle.NS_ICE_UDP).with("ufrag", t.ufrag()).with("pwd", t.pwd());
        Fingerprint f = t.fingerprint();
        if (f != null) {
            n = n.add(XmlNode.of("fingerprint", Jingle.NS_DTLS).with("hash", f.hash()).with("setup", f.setup()).withText(f.value()));
        }
        for (Candidate c : t.candidates()) {
            n = n.add(XmlNode.of("candidate", Jingle.NS_ICE_UDP).with("component", c.component()).with("foundation", c.foundation())
                .with("generation", c.generation()).with("id", c.id()).with("ip", c.ip()).with("network", c.network())
                .with("port", c.port()).with("priority", c.priority()).with("protocol", c.protocol())
                .with("rel-addr", c.relAddr()).with("rel-port", c.relAddr() == null ? null : c.relPort()).with("type", c.type()));
        }
        return n;
    }

    static XmlNode reason(Reason r) {
        XmlNode n = XmlNode.of("reason", Jingle.NS).add(XmlNode.of(r.condition(), Jingle.NS));
        if (r.text() != null) n = n.add(XmlNode.of("text", Jingle.NS).withText(r.text()));
        return n;
    }
}
