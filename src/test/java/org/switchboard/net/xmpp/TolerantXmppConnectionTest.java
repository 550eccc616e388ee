package org.switchboard.net.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.junit.jupiter.api.Test;

/** What a dropped stanza's log line says: the sender's fault in words, no class names, no screenful of their text. */
class TolerantXmppConnectionTest {

    @Test
    void whyNamesTheProblemWithoutClassNames() {
        IOException wrapped = new IOException(new IllegalArgumentException("java.lang.NumberFormatException: Value out of range. Value:\"128\""));
        assertThat(TolerantXmppConnection.why(wrapped)).isEqualTo("Value out of range. Value:\"128\"");
        assertThat(TolerantXmppConnection.why(new NullPointerException())).isEqualTo("it does not follow the XMPP schema");
    }

    @Test
    void aRefusedElementSaysSoEvenWhenWrapped() {
        var refused = new BoundedXmlPullParser.RefusedElementException("<a> is nested 101 deep (at most 100)");
        assertThat(TolerantXmppConnection.why(new XmlPullParserException(refused))).isEqualTo("<a> is nested 101 deep (at most 100)");
    }

    @Test
    void longValuesAreClipped() {
        String why = TolerantXmppConnection.why(new IllegalArgumentException("No enum constant Type." + "x".repeat(5000)));
        assertThat(why).hasSizeLessThan(260).endsWith("... (5022 characters)");
        assertThat(new StanzaHead("message", "bogus".repeat(100), null, null, null).describe()).startsWith("<message type='bogusbogus")
                .endsWith("... (500 characters)'>");
    }
}
