package org.switchboard.net.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParser.Event;
import org.junit.jupiter.api.Test;

/** A refused element costs its stanza, never the stream: the JDK's own limits (JDK 24+) would stop the reader for good. */
class BoundedXmlPullParserTest {
    static final String OPEN = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

    static XmlPullParser parser(String stanzas) throws Exception {
        XmlPullParser p = BoundedXmlPullParserFactory.installed().newXmlPullParser(new StringReader(OPEN + stanzas + "</stream:stream>"));
        assertThat(p.next()).isEqualTo(Event.START_ELEMENT);
        assertThat(p.getDepth()).isEqualTo(1);
        return p;
    }

    static String nested(int depth) {
        return "<a xmlns='urn:fz'>" + "<a>".repeat(depth - 1) + "</a>".repeat(depth);
    }

    /** To the next stanza's start tag, as the connection's reader does. */
    static void nextStanza(XmlPullParser p) throws Exception {
        while (p.next() != Event.START_ELEMENT || p.getDepth() != 2) {
            // between stanzas
        }
    }

    @Test
    void anElementTooDeepIsRefusedAndTheNextStanzaIsRead() throws Exception {
        XmlPullParser p = parser("<message><body>lost</body>" + nested(150) + "</message><message><body>next</body></message>");
        nextStanza(p);
        assertThatThrownBy(() -> PacketParserUtils.parseStanza(p, XmlEnvironment.EMPTY)).hasStackTraceContaining("nested 101 deep (at most 100)");
        assertThat(p.getEventType()).isEqualTo(Event.END_ELEMENT);
        assertThat(p.getDepth()).isEqualTo(101);
        nextStanza(p);
        Message m = (Message) PacketParserUtils.parseStanza(p, XmlEnvironment.EMPTY);
        assertThat(m.getBody()).isEqualTo("next");
    }

    @Test
    void nestingUpToTheLimitIsRead() throws Exception {
        XmlPullParser p = parser("<message><body>kept</body>" + nested(98) + "</message>");
        nextStanza(p);
        assertThat(((Message) PacketParserUtils.parseStanza(p, XmlEnvironment.EMPTY)).getBody()).isEqualTo("kept");
        assertThat(p.getDepth()).isEqualTo(2);
    }

    @Test
    void tooManyAttributesAreRefusedAndTheStreamGoesOn() throws Exception {
        StringBuilder attrs = new StringBuilder();
        for (int i = 0; i < 250; i++) attrs.append(" a").append(i).append("='").append(i).append("'");
        XmlPullParser p = parser("<message><x xmlns='urn:fz'" + attrs + "><y/></x></message><message><body>next</body></message>");
        nextStanza(p);
        assertThatThrownBy(() -> PacketParserUtils.parseStanza(p, XmlEnvironment.EMPTY)).hasStackTraceContaining("has 250 attributes (at most 200)");
        nextStanza(p);
        assertThat(((Message) PacketParserUtils.parseStanza(p, XmlEnvironment.EMPTY)).getBody()).isEqualTo("next");
    }

    @Test
    void longNamesThatTheJdkWouldRefuseAreRead() throws Exception {
        String name = "n".repeat(5000);
        XmlPullParser p = parser("<message><" + name + " xmlns='urn:fz'/><body>ok</body></message>");
        nextStanza(p);
        assertThat(((Message) PacketParserUtils.parseStanza(p, XmlEnvironment.EMPTY)).getBody()).isEqualTo("ok");
    }

    @Test
    void aLongStreamOfEscapedTextKeepsGoing() throws Exception {
        // JDK 24+ counts every predefined entity over the whole document and stops at 100,000
        String stanza = "<message><body>" + "&apos;&amp;&lt;".repeat(20_000) + "</body></message>";
        XmlPullParser p = parser(stanza.repeat(5) + "<message><body>last</body></message>");
        for (int i = 0; i < 5; i++) {
            nextStanza(p);
            assertThat(((Message) PacketParserUtils.parseStanza(p, XmlEnvironment.EMPTY)).getBody()).hasSize(60_000);
        }
        nextStanza(p);
        assertThat(((Message) PacketParserUtils.parseStanza(p, XmlEnvironment.EMPTY)).getBody()).isEqualTo("last");
    }

    @Test
    void nextTextReadsTextAndRefusesAnElementWhereTextBelongs() throws Exception {
        XmlPullParser p = parser("<message><body>a &amp; b<!-- c --> d</body><body><x/></body></message>");
        nextStanza(p);
        p.next();
        assertThat(p.nextText()).isEqualTo("a & b d");
        assertThat(p.getEventType()).isEqualTo(Event.END_ELEMENT);
        p.next();
        assertThatThrownBy(p::nextText).hasMessageContaining("<x> where only text may be");
        assertThat(p.getName()).isEqualTo("x");
        assertThat(p.getDepth()).isEqualTo(4);
    }

    @Test
    void awayFromAStartTagThereAreNoAttributesRatherThanAnException() throws Exception {
        XmlPullParser p = parser("<message>text</message>");
        nextStanza(p);
        p.next();
        assertThat(p.getEventType()).isEqualTo(Event.TEXT_CHARACTERS);
        assertThat(p.getAttributeCount()).isEqualTo(-1);
        assertThat(p.getAttributeValue("", "type")).isNull();
        assertThat(p.getAttributeName(0)).isNull();
        assertThat(p.getName()).isNull();
        assertThat(p.getNamespace()).isNull();
    }
}
