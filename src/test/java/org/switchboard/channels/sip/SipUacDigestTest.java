package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.SipPbxFixture.RawPeer;
import org.switchboard.channels.sip.message.DigestCredentials;
import org.switchboard.core.Channel;

/**
 * One UAC digest for every request the PBX sends (RFC 3261 §22.2, RFC 8760): an INVITE through
 * Dial and a MESSAGE through MessageSend, challenged with MD5 and SHA-256, answer with SHA-256 and
 * the peer's secret; a second challenge after our credentials is a refusal.
 */
class SipUacDigestTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CHALLENGES = "%1$s: Digest realm=\"far\", nonce=\"md5nonce\", algorithm=MD5, qop=\"auth\"\n"
        + "%1$s: Digest realm=\"far\", nonce=\"shanonce\", algorithm=SHA-256, qop=\"auth\"\n";

    @TempDir Path dir;

    private static String line(String msg, String prefix) { return SipPbxFixture.header(msg, prefix); }

    private static String respond(String req, int status, String reason, String extra) {
        return SipPbxFixture.respond(req, status, reason, "far1", extra);
    }

    private static String next(RawPeer p, String start) throws Exception {
        return p.next(start, start.strip(), WAIT); // a request: its CSeq names its method
    }

    private static DigestCredentials credentials(String m, String header) {
        String v = line(m, header + ":");
        assertThat(v).as(header).isNotNull();
        return DigestCredentials.parse(v.substring(header.length() + 1).strip());
    }

    @Test
    void anInviteChallengedWithMd5AndSha256AnswersWithSha256() throws Exception {
        try (RawPeer trunk = new RawPeer(); RawPeer caller = new RawPeer();
             SipPbxFixture f = SipPbxFixture.start(dir, "allowguest=yes\ncontext=calls",
                 "[trunk]\ntype=peer\nhost=127.0.0.1\nport=" + trunk.port() + "\nsecret=s3cret\ndefaultuser=pbx\n",
                 "[calls]\nexten => out,1,Dial(SIP/trunk/200)\n same => n,Hangup()\n")) {
            caller.send(f.port(), SipPbxFixture.invite(f.port(), caller.port(), "caller", "out", "uac-auth", ""));
            String first = next(trunk, "INVITE ");
            assertThat(first).isNotNull();
            trunk.send(f.port(), respond(first, 407, "Proxy Authentication Required", CHALLENGES.formatted("Proxy-Authenticate")));
            assertThat(next(trunk, "ACK ")).as("the transaction ACKs the 407").isNotNull();
            String second = next(trunk, "INVITE ");
            assertThat(second).isNotNull();
            DigestCredentials cred = credentials(second, "Proxy-Authorization");
            assertThat(cred.algorithm()).isEqualTo("SHA-256");
            assertThat(cred.nonce()).isEqualTo("shanonce");
            assertThat(cred.username()).isEqualTo("pbx");
            assertThat(cred.verify("INVITE", "s3cret")).isTrue();
            assertThat(line(second, "CSeq:")).isEqualTo("CSeq: 103 INVITE");
            // the same challenge again after our credentials: the password was refused, no third INVITE
            trunk.send(f.port(), respond(second, 407, "Proxy Authentication Required", CHALLENGES.formatted("Proxy-Authenticate")));
            assertThat(next(trunk, "ACK ")).isNotNull();
            assertThat(trunk.receive(Duration.ofMillis(700))).as("no third INVITE").isNull();
            await().atMost(WAIT).until(() -> f.channels("SIP/") == 0);
        }
    }

    private static String send(SipPbxFixture f, String dest) {
        Channel c = f.pbx.channel("Test/msg");
        c.setVar("DEST", dest);
        c.setLocation("m", "s", 1);
        f.pbx.pbx.runPbx(c);
        return f.pbx.pbx.globals().get("ST");
    }

    @Test
    void aMessageChallengedIsSentAgainOnceWithSha256Credentials() throws Exception {
        try (RawPeer phone = new RawPeer();
             SipPbxFixture f = SipPbxFixture.start(dir, "context=m",
                 "[lamp]\ntype=peer\nhost=127.0.0.1\nport=" + phone.port() + "\nsecret=s3cret\ndefaultuser=desk\n",
                 "[m]\nexten => s,1,Set(MESSAGE(body)=hello)\n same => n,MessageSend(${DEST},100)\n"
                     + " same => n,Set(GLOBAL(ST)=${MESSAGE_SEND_STATUS})\n")) {
            assertThat(send(f, "sip:lamp")).isEqualTo("SUCCESS");
            String first = next(phone, "MESSAGE ");
            phone.send(f.port(), respond(first, 401, "Unauthorized", CHALLENGES.formatted("WWW-Authenticate")));
            String second = next(phone, "MESSAGE ");
            assertThat(second).as("sent again with credentials").isNotNull();
            DigestCredentials cred = credentials(second, "Authorization");
            assertThat(cred.algorithm()).isEqualTo("SHA-256");
            assertThat(cred.username()).isEqualTo("desk");
            assertThat(cred.verify("MESSAGE", "s3cret")).isTrue();
            assertThat(line(second, "CSeq:")).isEqualTo("CSeq: 103 MESSAGE");
            assertThat(line(second, "Via:")).isNotEqualTo(line(first, "Via:"));
            assertThat(second.substring(second.indexOf("\r\n\r\n") + 4)).isEqualTo("hello");
            phone.send(f.port(), respond(second, 202, "Accepted", ""));

            assertThat(send(f, "sip:lamp")).isEqualTo("SUCCESS");
            String again = next(phone, "MESSAGE ");
            phone.send(f.port(), respond(again, 401, "Unauthorized", CHALLENGES.formatted("WWW-Authenticate")));
            String retry = next(phone, "MESSAGE ");
            phone.send(f.port(), respond(retry, 401, "Unauthorized", CHALLENGES.formatted("WWW-Authenticate")));
            await().atMost(WAIT).until(() -> !f.pbx.logLines("MESSAGE to sip:desk@127.0.0.1:" + phone.port() + " was refused: 401").isEmpty());
            assertThat(phone.receive(Duration.ofMillis(700))).as("no third MESSAGE").isNull();
        }
    }
}
