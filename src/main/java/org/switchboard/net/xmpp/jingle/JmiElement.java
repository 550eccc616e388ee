package org.switchboard.net.xmpp.jingle;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;

/** A {@link Jmi} as a message extension (XEP-0353). */
public final class JmiElement implements ExtensionElement {
    private final Jmi jmi;

    public JmiElement(Jmi jmi) { this.jmi = jmi; }

    public Jmi jmi() { return jmi; }

    @Override public String getElementName() { return jmi.kind().xml(); }
    @Override public String getNamespace() { return Jingle.NS_JMI; }

    @Override
    public CharSequence toXML(XmlEnvironment env) {
        return JmiParser.write(jmi).toXml(env == null ? "" : env.getEffectiveNamespaceOrUse(""));
    }
}
