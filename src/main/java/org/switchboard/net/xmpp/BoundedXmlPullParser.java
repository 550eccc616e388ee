package org.switchboard.net.xmpp;

import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Smack's pull parser over the JDK's StAX reader, with limits that refuse one element instead of
 * breaking the stream. The JDK's own limits (since JDK 24: 100 levels, 200 attributes) are fatal:
 * the reader stops for good and the XMPP connection with it. Here an element nested deeper than
 * {@code maxDepth} or carrying more than {@code maxAttributes} attributes is read to its end tag
 * and then refused with a {@link RefusedElementException}; the parser stands on that end tag, so
 * the reader of the stream can skip the rest of the stanza and go on with the next one.
 * <p>
 * Depth follows XPP: the stream element is depth 1, a stanza 2; an end tag has its element's depth.
 */
public final class BoundedXmlPullParser implements XmlPullParser {
    /** An element this parser would not hand on; the stream itself is fine. */
    public static final class RefusedElementException extends XmlPullParserException {
        RefusedElementException(String message) { super(message); }
    }

    private final XMLStreamReader reader;
    private final int maxDepth;
    private final int maxAttributes;
    private int depth;
    private boolean leavingElement;

    public BoundedXmlPullParser(XMLStreamReader reader, int maxDepth, int maxAttributes) {
        this.reader = Objects.requireNonNull(reader);
        this.maxDepth = maxDepth;
        this.maxAttributes = maxAttributes;
    }

    @Override
    public Event next() throws XmlPullParserException {
        if (leavingElement) {
            depth--;
            leavingElement = false;
        }
        int event = advance();
        if (event == XMLStreamConstants.START_ELEMENT) {
            depth++;
            if (depth > maxDepth) refuse("<" + reader.getLocalName() + "> is nested " + depth + " deep (at most " + maxDepth + ")");
            if (reader.getAttributeCount() > maxAttributes) {
                refuse("<" + reader.getLocalName() + "> has " + reader.getAttributeCount() + " attributes (at most " + maxAttributes + ")");
            }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
            leavingElement = true;
        }
        return toEvent(event);
    }

    /** Reads the refused element to its end tag, so the stream stays in step, then says why. */
    private void refuse(String why) throws XmlPullParserException {
        for (int open = 1; open > 0; ) {
            int event = advance();
            if (event == XMLStreamConstants.START_ELEMENT) open++;
            else if (event == XMLStreamConstants.END_ELEMENT) open--;
            else if (event == XMLStreamConstants.END_DOCUMENT) throw new XmlPullParserException("the stream ended inside " + why);
        }
        leavingElement = true;
        throw new RefusedElementException(why);
    }

    private int advance() throws XmlPullParserException {
        try {
            return reader.next();
        } catch (XMLStreamException | RuntimeException e) {
            throw new XmlPullParserException(e);
        }
    }

    /** XPP's nextText: on a start tag, its text; the parser ends on the end tag. Comments are left out. */
    @Override
    public String nextText() throws XmlPullParserException {
        if (getEventType() != Event.START_ELEMENT) throw new XmlPullParserException("nextText() needs a start tag, not " + getEventType());
        StringBuilder text = new StringBuilder();
        while (true) {
            switch (next()) {
                case TEXT_CHARACTERS, IGNORABLE_WHITESPACE, ENTITY_REFERENCE, OTHER -> text.append(reader.hasText() ? reader.getText() : "");
                case END_ELEMENT -> {
                    return text.toString();
                }
                case START_ELEMENT -> throw new XmlPullParserException("<" + reader.getLocalName() + "> where only text may be");
                case END_DOCUMENT -> throw new XmlPullParserException("the stream ended inside an element");
                default -> {
                    // comments and processing instructions carry no text
                }
            }
        }
    }

    /** XPP's nextTag: the next start or end tag, passing over white space, comments and processing instructions. */
    @Override
    public TagEvent nextTag() throws XmlPullParserException {
        while (true) {
            Event e = next();
            switch (e) {
                case START_ELEMENT -> {
                    return TagEvent.START_ELEMENT;
                }
                case END_ELEMENT -> {
                    return TagEvent.END_ELEMENT;
                }
                case TEXT_CHARACTERS, IGNORABLE_WHITESPACE -> {
                    if (!reader.isWhiteSpace()) throw new XmlPullParserException("text where a tag was expected");
                }
                case COMMENT, PROCESSING_INSTRUCTION -> {
                    // passed over
                }
                default -> throw new XmlPullParserException(e + " where a tag was expected");
            }
        }
    }

    @Override public int getDepth() { return depth; }

    @Override
    public Event getEventType() { return toEvent(reader.getEventType()); }

    private static Event toEvent(int stax) {
        return switch (stax) {
            case XMLStreamConstants.START_ELEMENT -> Event.START_ELEMENT;
            case XMLStreamConstants.END_ELEMENT -> Event.END_ELEMENT;
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> Event.TEXT_CHARACTERS;
            case XMLStreamConstants.SPACE -> Event.IGNORABLE_WHITESPACE;
            case XMLStreamConstants.COMMENT -> Event.COMMENT;
            case XMLStreamConstants.PROCESSING_INSTRUCTION -> Event.PROCESSING_INSTRUCTION;
            case XMLStreamConstants.START_DOCUMENT -> Event.START_DOCUMENT;
            case XMLStreamConstants.END_DOCUMENT -> Event.END_DOCUMENT;
            case XMLStreamConstants.ENTITY_REFERENCE -> Event.ENTITY_REFERENCE;
            default -> Event.OTHER;
        };
    }

    // ---- what the reader says about where it stands ----

    @Override public Object getProperty(String name) { return reader.getProperty(name); }
    @Override public String getInputEncoding() { return reader.getEncoding(); }
    @Override public int getNamespaceCount() { return reader.getNamespaceCount(); }
    @Override public String getNamespacePrefix(int pos) { return reader.getNamespacePrefix(pos); }
    @Override public String getNamespaceUri(int pos) { return reader.getNamespaceURI(pos); }

    @Override
    public String getNamespace(String prefix) {
        NamespaceContext ns = reader.getNamespaceContext();
        return ns.getNamespaceURI(prefix == null ? XMLConstants.DEFAULT_NS_PREFIX : prefix);
    }

    @Override public String getNamespace() { return atTag() ? getNamespace(reader.getPrefix()) : null; }
    @Override public String getPositionDescription() { return String.valueOf(reader.getLocation()); }
    @Override public int getLineNumber() { return reader.getLocation().getLineNumber(); }
    @Override public int getColumnNumber() { return reader.getLocation().getColumnNumber(); }
    @Override public boolean isWhiteSpace() { return reader.isWhiteSpace(); }
    @Override public String getText() { return reader.hasText() ? reader.getText() : null; }
    @Override public String getName() { return atTag() ? reader.getLocalName() : null; }
    @Override public QName getQName() { return atTag() ? reader.getName() : null; }
    @Override public String getPrefix() { return atTag() ? reader.getPrefix() : null; }

    // XPP answers -1 or null where StAX throws: away from a start tag there are no attributes
    @Override public int getAttributeCount() { return atStart() ? reader.getAttributeCount() : -1; }
    @Override public String getAttributeNamespace(int index) { return attribute(index) ? reader.getAttributeNamespace(index) : null; }
    @Override public String getAttributeName(int index) { return attribute(index) ? reader.getAttributeLocalName(index) : null; }
    @Override public QName getAttributeQName(int index) { return attribute(index) ? reader.getAttributeName(index) : null; }
    @Override public String getAttributePrefix(int index) { return attribute(index) ? reader.getAttributePrefix(index) : null; }
    @Override public String getAttributeType(int index) { return attribute(index) ? reader.getAttributeType(index) : null; }
    @Override public String getAttributeValue(int index) { return attribute(index) ? reader.getAttributeValue(index) : null; }

    @Override
    public String getAttributeValue(String namespace, String name) {
        return atStart() ? reader.getAttributeValue(namespace, name) : null;
    }

    private boolean atStart() { return reader.getEventType() == XMLStreamConstants.START_ELEMENT; }

    private boolean atTag() { return atStart() || reader.getEventType() == XMLStreamConstants.END_ELEMENT; }

    private boolean attribute(int index) { return atStart() && index >= 0 && index < reader.getAttributeCount(); }

    @Override public boolean supportsRoundtrip() { return false; }
}
