package org.switchboard.net.xmpp.jingle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** XEP-0166/0167/0176/0320/0353 payloads: one round trip per action, and what a sender can get wrong. */
class JingleParserTest {
    static XmlNode xml(String s) throws Exception {
        XmlPullParser p = PacketParserUtils.getParserFor(s);
        return XmlNode.read(p);
    }

    static Jingle ok(String s) throws Exception {
        JingleResult<Jingle> r = JingleParser.parse(xml(s));
        assertThat(r).as(s).isInstanceOf(JingleResult.Ok.class);
        return ((JingleResult.Ok<Jingle>) r).value();
    }

    static String bad(String s) throws Exception {
        JingleResult<Jingle> r = JingleParser.parse(xml(s));
        assertThat(r).as(s).isInstanceOf(JingleResult.Bad.class);
        return ((JingleResult.Bad<Jingle>) r).why();
    }

    /** What Conversations sends (XEP-0167 §4 example, with XEP-0176/0320). */
    static final String INITIATE = """
        <jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' initiator='vuc.me@skype.example/phone' sid='a73sjjvkla37jfea'>
          <content creator='initiator' name='0' senders='both'>
            <description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'>
              <payload-type id='111' name='opus' clockrate='48000' channels='2'>
                <parameter name='minptime' value='10'/><parameter name='useinbandfec' value='1'/>
              </payload-type>
              <payload-type id='0' name='PCMU' clockrate='8000'/>
              <payload-type id='8' name='PCMA' clockrate='8000'/>
              <payload-type id='126' name='telephone-event' clockrate='8000'/>
              <rtcp-mux/>
            </description>
            <transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='8hhy' pwd='asd88fgpdd777uzjYhagZg'>
              <fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash='sha-256' setup='actpass'>02:1A:CC:54:27:AB:EB:9C:53:3F:3E:4B:65:2E:7D:46:3F:54:42:CD:54:F1:7A:03:A2:7D:F9:B0:7F:46:19:B2</fingerprint>
              <candidate component='1' foundation='1' generation='0' id='el0747fg11' ip='10.0.1.1' network='1' port='8998' priority='2130706431' protocol='udp' type='host'/>
              <candidate component='1' foundation='2' generation='0' id='y3s2b30v3r' ip='192.0.2.3' network='1' port='45664' priority='1694498815' protocol='udp' rel-addr='10.0.1.1' rel-port='8998' type='srflx'/>
            </transport>
          </content>
        </jingle>""";

    @Test
    void aSessionInitiateFromAModernClientIsReadWhole() throws Exception {
        Jingle j = ok(INITIATE);
        assertThat(j.action()).isEqualTo(Jingle.Action.SESSION_INITIATE);
        assertThat(j.sid()).isEqualTo("a73sjjvkla37jfea");
        Jingle.Content c = j.audio();
        assertThat(c.description().payloadTypes()).extracting(Jingle.PayloadType::name).containsExactly("opus", "PCMU", "PCMA", "telephone-event");
        assertThat(c.description().payloadTypes().get(0)).isEqualTo(new Jingle.PayloadType(111, "opus", 48000, 2,
            Map.of("minptime", "10", "useinbandfec", "1")));
        assertThat(c.description().rtcpMux()).isTrue();
        assertThat(c.transport().ufrag()).isEqualTo("8hhy");
        assertThat(c.transport().fingerprint().setup()).isEqualTo("actpass");
        assertThat(c.transport().candidates()).hasSize(2);
        assertThat(c.transport().candidates().get(1).relAddr()).isEqualTo("10.0.1.1");
        assertThat(c.transport().candidates().get(1).priority()).isEqualTo(1694498815L);
    }

    @Test
    void everyActionWeSendRoundTrips() throws Exception {
        Jingle init = ok(INITIATE);
        List<Jingle> all = List.of(init,
            new Jingle(Jingle.Action.SESSION_ACCEPT, "s1", null, "lmentinc@skype.example/switchboard", init.contents(), null, null),
            new Jingle(Jingle.Action.SESSION_TERMINATE, "s1", null, null, List.of(), new Jingle.Reason("busy", "all lines <busy> & \"full\""), null),
            new Jingle(Jingle.Action.SESSION_INFO, "s1", null, null, List.of(), null, Jingle.Info.RINGING),
            new Jingle(Jingle.Action.TRANSPORT_INFO, "s1", null, null, List.of(new Jingle.Content("initiator", "0",
                null, new Jingle.IceUdpTransport("u", "p", init.audio().transport().candidates(), null))), null, null));
        for (Jingle j : all) {
            String written = JingleWriter.write(j).toXml("");
            assertThat(ok(written)).as(written).isEqualTo(j);
        }
    }

    @Test
    void jmiRoundTrips() throws Exception {
        Jingle.RtpDescription d = ok(INITIATE).audio().description();
        for (Jmi m : List.of(new Jmi(Jmi.Kind.PROPOSE, "p1", d, null), Jmi.of(Jmi.Kind.RINGING, "p1"), Jmi.of(Jmi.Kind.PROCEED, "p1"),
                new Jmi(Jmi.Kind.REJECT, "p1", null, Jingle.Reason.of("busy")), Jmi.of(Jmi.Kind.RETRACT, "p1"), Jmi.of(Jmi.Kind.ACCEPT, "p1"))) {
            String written = JmiParser.write(m).toXml("");
            assertThat(JmiParser.parse(xml(written))).as(written).isEqualTo(JingleResult.ok(m));
        }
    }

    @Test
    void aProposeNeedsOnlyItsMedia() throws Exception {
        JingleResult<Jmi> r = JmiParser.parse(xml("<propose xmlns='urn:xmpp:jingle-message:0' id='x'><description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'/></propose>"));
        assertThat(((JingleResult.Ok<Jmi>) r).value().description().media()).isEqualTo("audio");
        assertThat(JmiParser.parse(xml("<propose xmlns='urn:xmpp:jingle-message:0'/>"))).isInstanceOf(JingleResult.Bad.class);
        assertThat(JmiParser.parse(xml("<propose xmlns='urn:xmpp:jingle-message:0' id='x'><description xmlns='urn:xmpp:jingle:apps:rtp:1'/></propose>")))
            .isInstanceOf(JingleResult.Bad.class);
        assertThat(JmiParser.parse(xml("<dance xmlns='urn:xmpp:jingle-message:0' id='x'/>"))).isInstanceOf(JingleResult.Bad.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<jingle xmlns='urn:xmpp:jingle:1' action='' sid='s1'/>",
        "<jingle xmlns='urn:xmpp:jingle:1' action='session-dance' sid='s1'/>",
        "<jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid=''><content creator='initiator' name='a'/></jingle>",
        "<jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='s'/>",
        "<jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='s'><content creator='x' name='a'/></jingle>",
        "<jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='s'><content creator='initiator' name=''/></jingle>",
        "<jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='s'><content name='audio'/></jingle>",
        "<jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='s'><content creator='initiator' name='a'><description xmlns='urn:xmpp:jingle:apps:rtp:1'/></content></jingle>",
        "<jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='s'><content creator='initiator' name='a'><description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'><payload-type id='128' name='x'/></description></content></jingle>",
        "<jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='s'><content creator='initiator' name='a'><description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'><payload-type name='x'/></description></content></jingle>",
        "<jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='s'><content creator='initiator' name='a'><description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'><payload-type id='9' clockrate='fast'/></description></content></jingle>",
        "<jingle xmlns='urn:xmpp:jingle:1' action='transport-info' sid='s'><content creator='initiator' name='a'><transport xmlns='urn:xmpp:jingle:transports:ice-udp:1'><candidate component='1' foundation='1' generation='0' ip='1.2.3.4' port='99999' priority='1' protocol='udp' type='host'/></transport></content></jingle>",
        "<jingle xmlns='urn:xmpp:jingle:1' action='transport-info' sid='s'><content creator='initiator' name='a'><transport xmlns='urn:xmpp:jingle:transports:ice-udp:1'><candidate component='1' foundation='1' ip='1.2.3.4' port='9' priority='-1' protocol='udp' type='host'/></transport></content></jingle>",
        "<jingle xmlns='urn:xmpp:jingle:1' action='transport-info' sid='s'><content creator='initiator' name='a'><transport xmlns='urn:xmpp:jingle:transports:ice-udp:1'><candidate component='1' foundation='1' ip='1.2.3.4' port='9' priority='1' protocol='udp' type='wormhole'/></transport></content></jingle>",
        "<jingle xmlns='urn:xmpp:jingle:1' action='transport-info' sid='s'><content creator='initiator' name='a'><transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='only'/></content></jingle>",
        "<jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='s'><content creator='initiator' name='a'><transport xmlns='urn:xmpp:jingle:transports:ice-udp:1'><fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash='sha-256' setup='actpass'>not hex</fingerprint></transport></content></jingle>",
        "<jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='s'><content creator='initiator' name='a'><transport xmlns='urn:xmpp:jingle:transports:ice-udp:1'><fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash='sha-256' setup='sideways'>AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD</fingerprint></transport></content></jingle>",
    })
    void whatASenderGetsWrongIsNamedNeverThrown(String s) throws Exception {
        assertThat(bad(s)).isNotBlank();
    }

    @Test
    void aForeignApplicationOrTransportIsReadByNameToBeRefused() throws Exception {
        Jingle j = ok("<jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='s'><content creator='initiator' name='a'>"
            + "<description xmlns=\"urn:fz:'\"/><transport xmlns='urn:xmpp:jingle:transports:s5b:1'/></content></jingle>");
        assertThat(j.contents().get(0).descriptionNs()).isEqualTo("urn:fz:'");
        assertThat(j.contents().get(0).description()).isNull();
        assertThat(j.contents().get(0).transportNs()).isEqualTo("urn:xmpp:jingle:transports:s5b:1");
    }

    @Test
    void tooManyCandidatesIsBadNotSlow() throws Exception {
        StringBuilder sb = new StringBuilder("<jingle xmlns='urn:xmpp:jingle:1' action='transport-info' sid='s'><content creator='initiator' name='a'>"
            + "<transport xmlns='urn:xmpp:jingle:transports:ice-udp:1'>");
        for (int i = 0; i < 65; i++) {
            sb.append("<candidate component='1' foundation='1' ip='1.2.3.4' port='").append(i).append("' priority='1' protocol='udp' type='host'/>");
        }
        assertThat(bad(sb + "</transport></content></jingle>")).contains("more than 64 candidates");
    }

    @Test
    void anUnknownReasonIsReadAsFailedApplication() throws Exception {
        Jingle j = ok("<jingle xmlns='urn:xmpp:jingle:1' action='session-terminate' sid='s'><reason><sneeze/><text>atchoo</text></reason></jingle>");
        assertThat(j.reason()).isEqualTo(new Jingle.Reason("failed-application", "atchoo"));
    }
}
