package org.switchboard.net.xmpp.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** XEP-0363 slot request and slot, XEP-0066 oob: what we write, what we read, and slots we refuse to use. */
class UploadElementsTest {
    static UploadSlot parse(String xml) throws Exception {
        XmlPullParser p = PacketParserUtils.getParserFor(xml);
        return new UploadSlotProvider().parse(p, p.getDepth(), null);
    }

    @Test
    void theRequestCarriesNameSizeAndTypeAsXep0363Section4Shows() throws Exception {
        UploadSlotRequest r = new UploadSlotRequest(JidCreate.from("upload.skype.example"), "voicemail-1.opus", 23456, "audio/ogg");
        assertThat(r.getChildElementXML().toString()).isEqualTo(
                "<request xmlns='urn:xmpp:http:upload:0' filename='voicemail-1.opus' size='23456' content-type='audio/ogg'/>");
    }

    @Test
    void aSlotRoundTripsAndOnlyTheThreeAllowedHeadersAreKept() throws Exception {
        UploadSlot s = parse("""
                <slot xmlns='urn:xmpp:http:upload:0'>
                  <put url='https://upload.example/put/abc/vm.opus'>
                    <header name='Authorization'>Bearer x.y
                z</header>
                    <header name='Cookie'>c=1</header>
                    <header name='Host'>evil.example</header>
                    <header name='X-Other'>no</header>
                  </put>
                  <get url='https://upload.example/get/abc/vm.opus'/>
                </slot>""");
        assertThat(s.putUrl()).isEqualTo("https://upload.example/put/abc/vm.opus");
        assertThat(s.getUrl()).isEqualTo("https://upload.example/get/abc/vm.opus");
        assertThat(s.putHeaders()).isEqualTo(Map.of("Authorization", "Bearer x.yz", "Cookie", "c=1"));
        UploadSlot again = parse(s.getChildElementXML().toString());
        assertThat(again.putUrl()).isEqualTo(s.putUrl());
        assertThat(again.getUrl()).isEqualTo(s.getUrl());
        assertThat(again.putHeaders()).isEqualTo(s.putHeaders());
    }

    @Test
    void aSlotWithoutHttpUrlsIsAParsingErrorNotACrash() {
        assertThatThrownBy(() -> parse("<slot xmlns='urn:xmpp:http:upload:0'><put url='https://a/x'/></slot>"))
                .isInstanceOf(SmackParsingException.class).hasMessageContaining("without http(s) put and get");
        assertThatThrownBy(() -> parse("<slot xmlns='urn:xmpp:http:upload:0'><put url='file:///etc/passwd'/><get url='https://a/x'/></slot>"))
                .isInstanceOf(SmackParsingException.class);
        assertThatThrownBy(() -> parse("<slot xmlns='urn:xmpp:http:upload:0'><put url='javascript:x'/><get url='ftp://a/x'/></slot>"))
                .isInstanceOf(SmackParsingException.class);
    }

    @Test
    void outOfBandDataIsTheUrlInJabberXOob() {
        assertThat(new OobData("https://upload.example/get/a&b.opus").toXML((org.jivesoftware.smack.packet.XmlEnvironment) null).toString())
                .isEqualTo("<x xmlns='jabber:x:oob'><url>https://upload.example/get/a&amp;b.opus</url></x>");
    }
}
