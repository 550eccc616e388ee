package org.switchboard.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/** The fuzzer's stanzas must be well-formed and within the server's limit, or the server closes the sender's stream instead. */
class XmppStanzaGeneratorTest {

    @Test
    void everyStanzaIsWellFormedAndFitsTheServersLimit() throws Exception {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(true);
        SAXParser sax = f.newSAXParser();
        // the generator means to cross the JDK's own limits: only well-formedness is checked here
        for (String p : new String[] {"jdk.xml.maxElementDepth", "jdk.xml.elementAttributeLimit", "jdk.xml.maxXMLNameLimit",
                "jdk.xml.maxGeneralEntitySizeLimit", "jdk.xml.totalEntitySizeLimit", "jdk.xml.entityReplacementLimit"}) {
            sax.setProperty(p, 0);
        }
        for (long seed : new long[] {1, 42, 20251207}) {
            XmppStanzaGenerator g = new XmppStanzaGenerator(seed, XmppFuzz.FULL, XmppFuzz.BARE);
            for (int i = 0; i < 1500; i++) {
                String xml = g.next().xml();
                assertThat(xml.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(XmppStanzaGenerator.MAX_BYTES);
                String stream = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>" + xml + "</stream:stream>";
                try {
                    sax.parse(new InputSource(new StringReader(stream)), new DefaultHandler());
                } catch (Exception e) {
                    throw new AssertionError("seed " + seed + " stanza " + (i + 1) + ": " + e.getMessage() + "\n"
                            + xml.substring(0, Math.min(2000, xml.length())), e);
                }
            }
        }
    }
}
