package org.switchboard.net.xmpp.jingle;

import java.io.IOException;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Smack providers for {@code <jingle/>} and the JMI elements. Each reads the element into an
 * {@link XmlNode} and hands it to the total parsers; a {@link JingleResult.Bad} becomes a
 * parsing exception, which {@link org.switchboard.net.xmpp.TolerantXmppConnection} turns into
 * bad-request for an iq (or a dropped message) and one rate-limited NOTICE naming the reason.
 * Smack's provider registry is process-wide; registering twice is harmless.
 */
public final class JingleProviders {
    private static volatile boolean installed;

    private JingleProviders() {}

    public static synchronized void install() {
        if (installed) return;
        ProviderManager.addIQProvider("jingle", Jingle.NS, new IQProvider<JingleIq>() {
            @Override
            public JingleIq parse(XmlPullParser parser, int depth, XmlEnvironment env)
                    throws XmlPullParserException, IOException, SmackParsingException {
                JingleResult<Jingle> r = JingleParser.parse(XmlNode.read(parser));
                if (r instanceof JingleResult.Ok<Jingle> ok) return new JingleIq(ok.value());
                throw new SmackParsingException("malformed Jingle: " + ((JingleResult.Bad<Jingle>) r).why());
            }
        });
        ExtensionElementProvider<JmiElement> jmi = new ExtensionElementProvider<>() {
            @Override
            public JmiElement parse(XmlPullParser parser, int depth, XmlEnvironment env)
                    throws XmlPullParserException, IOException, SmackParsingException {
                JingleResult<Jmi> r = JmiParser.parse(XmlNode.read(parser));
                if (r instanceof JingleResult.Ok<Jmi> ok) return new JmiElement(ok.value());
                throw new SmackParsingException("malformed Jingle message: " + ((JingleResult.Bad<Jmi>) r).why());
            }
        };
        for (Jmi.Kind k : Jmi.Kind.values()) ProviderManager.addExtensionProvider(k.xml(), Jingle.NS_JMI, jmi);
        installed = true;
    }
}
