package org.switchboard.net.xmpp;

import java.io.Reader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import org.jivesoftware.smack.xml.SmackXmlParser;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smack.xml.XmlPullParserFactory;

/**
 * The parsers Smack reads XMPP streams with: {@link BoundedXmlPullParser}s over the JDK's StAX
 * reader, whose own fatal limits are lifted because ours refuse one element and keep the stream.
 * {@link #install()} makes it Smack's parser for the whole JVM (Smack has one global choice).
 */
public final class BoundedXmlPullParserFactory implements XmlPullParserFactory {
    /** Deeper than any real stanza and shallow enough for Smack's recursive element parsers. */
    public static final int MAX_DEPTH = 100;
    /** The JDK's default per element; real XMPP elements carry a handful. */
    public static final int MAX_ATTRIBUTES = 200;

    private static final BoundedXmlPullParserFactory INSTANCE = new BoundedXmlPullParserFactory();

    private final XMLInputFactory stax = XMLInputFactory.newDefaultFactory();

    private BoundedXmlPullParserFactory() {
        // as Smack's StAX factory: all text of an element at once; RFC 6120 §11.1: no DTDs, no entities
        stax.setProperty(XMLInputFactory.IS_COALESCING, true);
        stax.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        stax.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        // the JDK's limits end the whole stream; BoundedXmlPullParser enforces its own per element
        stax.setProperty("jdk.xml.maxElementDepth", 0);
        stax.setProperty("jdk.xml.elementAttributeLimit", 0);
        stax.setProperty("jdk.xml.maxXMLNameLimit", 0);
        // these count every &amp; &lt; &apos; ... over the life of the document, and a stream is one
        // document: at JDK 24+'s default of 100,000 a long-lived connection dies of ordinary chat.
        // They guard against entity expansion, which needs a DTD, and DTDs are off (above).
        stax.setProperty("jdk.xml.maxGeneralEntitySizeLimit", 0);
        stax.setProperty("jdk.xml.totalEntitySizeLimit", 0);
        stax.setProperty("jdk.xml.entityReplacementLimit", 0);
        stax.setProperty("jdk.xml.entityExpansionLimit", 0);
    }

    /** Makes Smack parse every stream (and every string it parses) with bounded parsers. Idempotent. */
    public static void install() {
        SmackXmlParser.setXmlPullParserFactory(INSTANCE);
    }

    /** The factory, installed. */
    public static BoundedXmlPullParserFactory installed() {
        install();
        return INSTANCE;
    }

    @Override
    public XmlPullParser newXmlPullParser(Reader reader) throws XmlPullParserException {
        try {
            return new BoundedXmlPullParser(stax.createXMLStreamReader(reader), MAX_DEPTH, MAX_ATTRIBUTES);
        } catch (XMLStreamException e) {
            throw new XmlPullParserException(e);
        }
    }
}
