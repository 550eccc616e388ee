package org.switchboard.net.xmpp;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;

/**
 * A message {@code <body/>} that escapes everything XML needs: Smack 4.4 leaves {@code >} as is, so a
 * text containing {@code ]]>} would break the stream. Carriage returns are written as {@code &#13;}.
 * The text must already be free of characters XML 1.0 cannot carry ({@link XmlText#xmlSafe}); chan_skype and res_xmpp send
 * every chat text in one.
 */
public final class XmppChatBody implements ExtensionElement {
    private final String text;

    public XmppChatBody(String text) { this.text = text; }

    @Override public String getElementName() { return "body"; }
    @Override public String getNamespace() { return "jabber:client"; }

    @Override
    public CharSequence toXML(XmlEnvironment env) {
        StringBuilder sb = new StringBuilder(text.length() + 16).append("<body>");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
        return sb.append("</body>");
    }
}
