package org.switchboard.net.xmpp.upload;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * XEP-0066 §3 out-of-band data on a message: {@code <x xmlns='jabber:x:oob'><url>…</url></x>}.
 * Conversations, Dino and Monal show a message whose body is this URL as the file itself
 * (an audio file as a voice message with a play button).
 */
public final class OobData implements ExtensionElement {
    public static final String NS = "jabber:x:oob";
    private final String url;

    public OobData(String url) { this.url = url; }

    public String url() { return url; }

    @Override public String getElementName() { return "x"; }
    @Override public String getNamespace() { return NS; }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment env) {
        XmlStringBuilder xml = new XmlStringBuilder(this, env).rightAngleBracket();
        xml.element("url", url);
        return xml.closeElement(this);
    }
}
