package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.SipPbxFixture.RawPeer;
import org.switchboard.channels.sip.config.NamedAcls;
import org.switchboard.channels.sip.config.SipConfig;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.config.ConfigProblem;
import org.switchboard.config.ConfigReader;

/**
 * sip.conf's {@code acl=} names acl.conf lists: a peer's REGISTER from outside them gets 403 as
 * its own permit/deny would give (with {@code alwaysauthreject=no}; by default chan_sip hides why
 * behind a challenge); a name acl.conf lacks is a problem at its line and the peer
 * is refused everywhere rather than open everywhere.
 */
class SipNamedAclTest {
    @TempDir Path dir;

    private static String register(int pbxPort, RawPeer from, String user, String callId) {
        String host = from.socket.getLocalAddress().getHostAddress();
        return "REGISTER sip:127.0.0.1:" + pbxPort + " SIP/2.0\n"
            + "Via: SIP/2.0/UDP " + host + ":" + from.port() + ";branch=z9hG4bK" + callId + ";rport\n"
            + "Max-Forwards: 70\n"
            + "From: <sip:" + user + "@127.0.0.1>;tag=r" + callId + "\n"
            + "To: <sip:" + user + "@127.0.0.1>\n"
            + "Call-ID: " + callId + "\n"
            + "CSeq: 1 REGISTER\n"
            + "Contact: <sip:" + user + "@" + host + ":" + from.port() + ">\n"
            + "Expires: 60\n"
            + "Content-Length: 0\n\n";
    }

    @Test
    void aRegisterFromOutsideTheNamedAclIsForbidden() throws Exception {
        InetAddress good = SipPbxFixture.nextLoopback();
        InetAddress bad = SipPbxFixture.nextLoopback();
        Files.writeString(dir.resolve("acl.conf"), "[office]\ndeny=0.0.0.0/0.0.0.0\npermit=" + good.getHostAddress() + "\n");
        try (RawPeer desk = new RawPeer(good); RawPeer stranger = new RawPeer(bad);
             SipPbxFixture f = SipPbxFixture.start(dir, "alwaysauthreject=no", "[desk]\ntype=friend\nhost=dynamic\nacl=office\n", "")) {
            desk.send(f.port(), register(f.port(), desk, "desk", "nacl-1"));
            assertThat(desk.finalResponse(Duration.ofSeconds(5), "nacl-1")).startsWith("SIP/2.0 200");
            stranger.send(f.port(), register(f.port(), stranger, "desk", "nacl-2"));
            assertThat(stranger.finalResponse(Duration.ofSeconds(5), "nacl-2")).startsWith("SIP/2.0 403");
            assertThat(f.pbx.logLines("Device does not match ACL")).isNotEmpty();
            assertThat(f.pbx.logLines("SecurityEvent=\"FailedACL\"")).isNotEmpty();
        }
    }

    @Test
    void anUnknownAclNameIsAProblemAndDeniesThePeerEverywhere() throws Exception {
        SipSettings s = SipConfig.read(ConfigReader.parse("sip.conf", "[desk]\ntype=friend\nhost=dynamic\nacl=office,nowhere\n", Path.of(".")),
            NamedAcls.read(ConfigReader.parse("acl.conf", "[office]\npermit=10.0.0.0/8\n", Path.of("."))));
        assertThat(s.problems()).extracting(ConfigProblem::toString)
            .containsExactly("sip.conf:4: acl 'nowhere' is not in acl.conf; peer 'desk' is denied from every address until it is");
        assertThat(s.peers().get("desk").allows(InetAddress.getByName("10.1.2.3"))).isFalse();
    }
}
