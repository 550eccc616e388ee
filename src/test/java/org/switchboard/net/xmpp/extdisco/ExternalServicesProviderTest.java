package org.switchboard.net.xmpp.extdisco;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.Test;

/** XEP-0215 results as a server sends them, and the services a stranger's server could get wrong. */
class ExternalServicesProviderTest {
    private static ExternalServices parse(String xml) throws Exception {
        XmlPullParser p = PacketParserUtils.getParserFor(xml);
        return new ExternalServicesProvider().parse(p, p.getDepth(), null);
    }

    @Test
    void usableServicesAreReadAndBrokenOnesLeftOut() throws Exception {
        ExternalServices s = parse("""
                <services xmlns='urn:xmpp:extdisco:2' type='stun'>
                  <service type='stun' host='stun.example.org' port='3478' transport='udp'/>
                  <service type='stun' host='stun2.example.org'/>
                  <service type='stun' port='3478'/>
                  <service type='stun' host='x.example' port='99999'/>
                  <service type='stun' host='x.example' port='lots'/>
                  <service type='&lt;script&gt;' host='x.example'/>
                  <service type='turn' host='turn.example.org' port='3479' transport='tcp'><x xmlns='urn:xmpp:ext'/></service>
                </services>""");
        assertThat(s.services()).containsExactly(
                new ExternalServices.Service("stun", "stun.example.org", 3478, "udp"),
                new ExternalServices.Service("stun", "stun2.example.org", 3478, "udp"),
                new ExternalServices.Service("turn", "turn.example.org", 3479, "tcp"));
    }

    @Test
    void theRequestAsksForOneType() {
        String xml = ExternalServices.request(org.jxmpp.jid.impl.JidCreate.domainBareFromOrThrowUnchecked("skype.example"), "stun")
                .toXML().toString();
        assertThat(xml).contains("<services xmlns='urn:xmpp:extdisco:2' type='stun'/>").contains("type='get'");
    }
}
