package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.SipPbxFixture;
import org.switchboard.channels.sip.SipPbxFixture.RawPeer;
import org.switchboard.core.Channel;

/**
 * A trunk in pjsip.conf with a raw SIP peer as the provider: PJSIP/exten@trunk puts exten in the
 * Request-URI to the aor's static contact; identify by address takes the provider's INVITEs
 * into the trunk's context; an unidentified stranger is challenged. And chan_sip beside it.
 */
class PjsipTrunkTest {
    @TempDir Path dir;

    private static final String DIALPLAN = """
        [from-trunk]
        exten => 500,1,Set(GLOBAL(IN)=${CHANNEL(name)})
         same => n,Hangup()
        """;

    @Test
    void extenAtTrunkGoesToTheStaticContactWithExtenAsRequestUriUser() throws Exception {
        InetAddress addr = SipPbxFixture.nextLoopback();
        try (RawPeer provider = new RawPeer(addr);
             PjsipPbxFixture f = PjsipPbxFixture.start(dir, PjsipPbxFixture.trunk(addr, 5060), DIALPLAN)) {
            // the provider's port is known only now: write it and reload
            assertThat(f.reload(PjsipPbxFixture.trunk(addr, provider.port()))).isEmpty();
            Channel c = f.pbx.channel();
            Thread dial = f.dial(c, "PJSIP/600@trunk,2");
            String invite = provider.receive(Duration.ofSeconds(5));
            assertThat(invite).startsWith("INVITE sip:600@" + addr.getHostAddress() + ":" + provider.port() + " SIP/2.0\r\n");
            dial.join(Duration.ofSeconds(10));
            assertThat(c.getVar("DIALSTATUS")).isEqualTo("NOANSWER");
        }
    }

    @Test
    void aChallengeFromTheProviderIsAnsweredWithTheOutboundAuth() throws Exception {
        InetAddress addr = SipPbxFixture.nextLoopback();
        try (RawPeer provider = new RawPeer(addr);
             PjsipPbxFixture f = PjsipPbxFixture.start(dir, PjsipPbxFixture.trunk(addr, 5060), DIALPLAN)) {
            String withAuth = PjsipPbxFixture.trunk(addr, provider.port()).replace("aors=trunk\n", "aors=trunk\noutbound_auth=trunk-out\n")
                + "[trunk-out]\ntype=auth\nusername=acct42\npassword=provider-secret\n";
            assertThat(f.reload(withAuth)).isEmpty();
            Channel c = f.pbx.channel();
            Thread dial = f.dial(c, "PJSIP/600@trunk,5");
            String invite = provider.receive(Duration.ofSeconds(5));
            assertThat(invite).startsWith("INVITE sip:600@");
            provider.send(f.port(), response(invite, "407 Proxy Authentication Required",
                "Proxy-Authenticate: Digest realm=\"provider\", nonce=\"n1\", algorithm=MD5\n"));
            String second = null;
            for (String m; (m = provider.receive(Duration.ofSeconds(5))) != null; ) {
                if (m.startsWith("INVITE ")) {
                    second = m;
                    break;
                }
            }
            assertThat(second).contains("Proxy-Authorization: Digest").contains("username=\"acct42\"").contains("realm=\"provider\"");
            provider.send(f.port(), response(second, "486 Busy Here", ""));
            dial.join(Duration.ofSeconds(10));
            assertThat(c.getVar("DIALSTATUS")).isEqualTo("BUSY");
        }
    }

    /** A response to {@code request} with its Via, From, To (plus a tag), Call-ID and CSeq. */
    private static String response(String request, String status, String extra) {
        StringBuilder b = new StringBuilder("SIP/2.0 " + status + "\n");
        for (String line : request.split("\r\n")) {
            if (line.startsWith("Via:") || line.startsWith("From:") || line.startsWith("Call-ID:") || line.startsWith("CSeq:")) {
                b.append(line).append('\n');
            } else if (line.startsWith("To:")) {
                b.append(line).append(";tag=prov1\n");
            }
        }
        return b.append(extra).append("Content-Length: 0\n\n").toString();
    }

    @Test
    void identifyByAddressTakesTheProvidersCallIntoTheTrunksContext() throws Exception {
        InetAddress addr = SipPbxFixture.nextLoopback();
        try (RawPeer provider = new RawPeer(addr);
             RawPeer stranger = new RawPeer(SipPbxFixture.nextLoopback());
             PjsipPbxFixture f = PjsipPbxFixture.start(dir, PjsipPbxFixture.trunk(addr, 5060), DIALPLAN)) {
            provider.send(f.port(), SipPbxFixture.invite(f.port(), provider.port(), "+15551234", "500", "id-1@test", ""));
            await().atMost(Duration.ofSeconds(5)).until(() -> f.pbx.pbx.globals().get("IN") != null);
            assertThat(f.pbx.pbx.globals().get("IN")).startsWith("PJSIP/trunk-");
            stranger.send(f.port(), SipPbxFixture.invite(f.port(), stranger.port(), "+15551234", "500", "id-2@test", ""));
            assertThat(stranger.finalResponse(Duration.ofSeconds(5), "id-2@test")).startsWith("SIP/2.0 401");
        }
    }

    @Test
    void registerToAnAorWithoutMaxContactsIsForbiddenAndToAnUnknownNameChallenged() throws Exception {
        try (RawPeer phone = new RawPeer(SipPbxFixture.nextLoopback());
             PjsipPbxFixture f = PjsipPbxFixture.start(dir, PjsipPbxFixture.trunk(InetAddress.getLoopbackAddress(), 5060), DIALPLAN)) {
            phone.send(f.port(), register(f.port(), phone.port(), "trunk", "r-1@test"));
            assertThat(phone.finalResponse(Duration.ofSeconds(5), "r-1@test")).startsWith("SIP/2.0 403");
            assertThat(f.pbx.logLines("AOR 'trunk' has no configured max_contacts")).hasSize(1);
            phone.send(f.port(), register(f.port(), phone.port(), "nobody", "r-2@test"));
            assertThat(phone.finalResponse(Duration.ofSeconds(5), "r-2@test")).startsWith("SIP/2.0 401");
            assertThat(f.stack().registrar().contacts("trunk")).isEmpty();
        }
    }

    private static String register(int pbxPort, int fromPort, String user, String callId) {
        return "REGISTER sip:127.0.0.1:" + pbxPort + " SIP/2.0\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:" + fromPort + ";branch=z9hG4bK" + callId.hashCode() + ";rport\n"
            + "Max-Forwards: 70\n"
            + "From: <sip:" + user + "@127.0.0.1>;tag=r" + callId.hashCode() + "\n"
            + "To: <sip:" + user + "@127.0.0.1>\n"
            + "Call-ID: " + callId + "\n"
            + "CSeq: 1 REGISTER\n"
            + "Contact: <sip:" + user + "@127.0.0.1:" + fromPort + ">\n"
            + "Expires: 600\n"
            + "Content-Length: 0\n\n";
    }

    @Test
    void chanSipAndChanPjsipRunSideBySideOnTheirOwnPorts() throws Exception {
        Files.writeString(dir.resolve("sip.conf"), "[general]\nudpbindaddr=127.0.0.1:0\n[desk]\ntype=friend\nhost=dynamic\n");
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, PjsipPbxFixture.trunk(InetAddress.getLoopbackAddress(), 5060), DIALPLAN)) {
            SipModule sip = SipModule.get(f.pbx.pbx);
            assertThat(sip).isNotNull();
            assertThat(sip.stack().udpAddress().getPort()).isNotEqualTo(f.port());
            assertThat(sip.stack().settings().peer("trunk")).isNull();
            assertThat(f.stack().settings().peer("desk")).isNull();
            assertThat(f.cli("sip show peers")).contains("desk");
            assertThat(f.cli("pjsip show endpoints")).contains(" Endpoint:  trunk ");
        }
    }
}
