package org.switchboard.net.xmpp.jingle;

import java.util.Map;
import org.jivesoftware.smack.packet.IQ;

/** A Jingle request in Smack's terms: an iq of type set holding one {@link Jingle}. */
public final class JingleIq extends IQ {
    private final Jingle jingle;

    public JingleIq(Jingle jingle) {
        super("jingle", Jingle.NS);
        this.jingle = jingle;
        setType(Type.set);
    }

    public Jingle jingle() { return jingle; }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        XmlNode n = JingleWriter.write(jingle);
        for (Map.Entry<String, String> a : n.attributes().entrySet()) xml.attribute(a.getKey(), a.getValue());
        xml.rightAngleBracket();
        xml.append(n.innerXml());
        return xml;
    }
}
