package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.pjsip.config.PjsipConfig;
import org.switchboard.channels.pjsip.config.PjsipSettings;
import org.switchboard.channels.sip.SipPbxFixture;
import org.switchboard.channels.sip.SipPbxFixture.RawPeer;
import org.switchboard.config.ConfigProblem;
import org.switchboard.config.ConfigReader;

/**
 * res_pjsip_acl: a {@code type=acl} section's permit/deny (and the acl.conf lists it names) decide
 * which source addresses may send anything at all, its contact_* lines which Contact addresses a
 * request may carry; a refused request gets 403 and a SECURITY line naming the ACL.
 */
class PjsipAclTest {
    @TempDir Path dir;

    private static String options(int pbxPort, RawPeer from, String contactHost, String callId) {
        return "OPTIONS sip:127.0.0.1:" + pbxPort + " SIP/2.0\n"
            + "Via: SIP/2.0/UDP " + from.socket.getLocalAddress().getHostAddress() + ":" + from.port() + ";branch=z9hG4bK" + callId + ";rport\n"
            + "Max-Forwards: 70\n"
            + "From: <sip:probe@example.com>;tag=o" + callId + "\n"
            + "To: <sip:127.0.0.1:" + pbxPort + ">\n"
            + "Call-ID: " + callId + "\n"
            + "CSeq: 1 OPTIONS\n"
            + "Contact: <sip:probe@" + contactHost + ":" + from.port() + ">\n"
            + "Content-Length: 0\n\n";
    }

    @Test
    void aDeniedSourceGets403AndASecurityLineWhileAPermittedOneIsAnswered() throws Exception {
        InetAddress good = SipPbxFixture.nextLoopback();
        InetAddress bad = SipPbxFixture.nextLoopback();
        Files.writeString(dir.resolve("acl.conf"), "[office]\ndeny=0.0.0.0/0.0.0.0\npermit=" + good.getHostAddress() + "/32\n");
        try (RawPeer friend = new RawPeer(good); RawPeer stranger = new RawPeer(bad);
             PjsipPbxFixture f = PjsipPbxFixture.start(dir, "[office-only]\ntype=acl\nacl=office\n", "")) {
            friend.send(f.port(), options(f.port(), friend, good.getHostAddress(), "acl-1"));
            assertThat(friend.finalResponse(Duration.ofSeconds(5), "acl-1")).startsWith("SIP/2.0 200");
            stranger.send(f.port(), options(f.port(), stranger, bad.getHostAddress(), "acl-2"));
            assertThat(stranger.finalResponse(Duration.ofSeconds(5), "acl-2")).startsWith("SIP/2.0 403");
            assertThat(f.pbx.logLines("Message from '" + bad.getHostAddress() + "' failed 'office-only' ACL check (pjsip.conf:6)")).hasSize(1);
            assertThat(f.pbx.logLines("SecurityEvent=\"FailedACL\"")).singleElement().asString()
                .contains("RemoteAddress=\"IPV4/UDP/" + bad.getHostAddress() + "/" + stranger.port() + "\"")
                .contains("ACLName=\"office-only\"");
        }
    }

    @Test
    void aContactOutsideContactPermitIsRefused() throws Exception {
        InetAddress addr = SipPbxFixture.nextLoopback();
        try (RawPeer phone = new RawPeer(addr);
             PjsipPbxFixture f = PjsipPbxFixture.start(dir,
                 "[contacts]\ntype=acl\ncontact_deny=0.0.0.0/0\ncontact_permit=127.0.0.0/8\n", "")) {
            phone.send(f.port(), options(f.port(), phone, addr.getHostAddress(), "acl-3"));
            assertThat(phone.finalResponse(Duration.ofSeconds(5), "acl-3")).startsWith("SIP/2.0 200");
            phone.send(f.port(), options(f.port(), phone, "192.0.2.7", "acl-4"));
            assertThat(phone.finalResponse(Duration.ofSeconds(5), "acl-4")).startsWith("SIP/2.0 403");
            assertThat(f.pbx.logLines("Reason=\"InvalidContactACL\"")).hasSize(1);
        }
    }

    @Test
    void badLinesAndUnknownNamesAreProblemsAtTheirLineAndAnUnknownNameDeniesAll() throws Exception {
        PjsipSettings s = PjsipConfig.read(ConfigReader.parse("pjsip.conf", """
            [a]
            type=acl
            permit=300.1.1.1
            deny=10.0.0.0/33
            acl=nowhere
            colour=blue
            """, Path.of(".")), ConfigReader.parse("acl.conf", """
            [office]
            permit=192.168.1.0/255.255.0.255
            allow=all
            """, Path.of(".")));
        assertThat(s.problems()).extracting(ConfigProblem::toString).containsExactly(
            "acl.conf:2: bad permit '192.168.1.0/255.255.0.255': mask '255.255.0.255' is not contiguous",
            "acl.conf:3: unknown option 'allow' in acl [office] (permit, deny); ignored",
            "pjsip.conf:6: unknown option 'colour' in [a]; ignored",
            "pjsip.conf:3: bad permit '300.1.1.1': '300.1.1.1' is not an IP address",
            "pjsip.conf:4: bad deny '10.0.0.0/33': prefix /33 is longer than the address",
            "pjsip.conf:5: acl 'nowhere' is not in acl.conf; every address is denied until it is");
        assertThat(s.admits(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(s.admitsContact(InetAddress.getByName("127.0.0.1"))).isTrue();
    }
}
