package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;

/**
 * SIP MESSAGE outside a call (RFC 3428) both ways: MessageSend to sip: destinations (what a phone
 * on the wire receives, to a peer by name and to user@host; an unknown peer is INVALID_URI), and a
 * phone's MESSAGE into the dialplan with chan_sip's accept_outofcall_message,
 * outofcall_message_context and auth_message_requests.
 */
class SipMessageTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    @TempDir Path dir;

    private static String send(SipPbxFixture f, String dest, String from) {
        Channel c = f.pbx.channel("Test/msg");
        c.setVar("DEST", dest);
        c.setVar("FROM", from);
        c.setLocation("m", "s", 1);
        f.pbx.pbx.runPbx(c);
        return f.pbx.pbx.globals().get("ST");
    }

    @Test
    void aPeerAndAUserAtAHostReceiveTheBodyAsTextPlain() throws Exception {
        try (SipPbxFixture.RawPeer phone = new SipPbxFixture.RawPeer()) {
            String peers = "[lamp]\ntype=peer\nhost=127.0.0.1\nport=" + phone.port() + "\ndefaultuser=desk\n";
            String dialplan = "[m]\nexten => s,1,Set(MESSAGE(body)=Lunch at one? Ünïcode too)\n"
                    + " same => n,MessageSend(${DEST},${FROM})\n same => n,Set(GLOBAL(ST)=${MESSAGE_SEND_STATUS})\n";
            try (SipPbxFixture f = SipPbxFixture.start(dir, "context=m", peers, dialplan)) {
                assertThat(send(f, "sip:lamp", "\"Front Desk\" <sip:100@127.0.0.1>")).isEqualTo("SUCCESS");
                String m = phone.receive(WAIT);
                assertThat(m).startsWith("MESSAGE sip:desk@127.0.0.1:" + phone.port() + " SIP/2.0\r\n");
                assertThat(m).contains("From: Front Desk <sip:100@127.0.0.1>;tag=") // app arguments lose their quotes, as in Asterisk.contains("CSeq: 102 MESSAGE")
                        .contains("Content-Type: text/plain;charset=UTF-8");
                assertThat(m.substring(m.indexOf("\r\n\r\n") + 4)).isEqualTo("Lunch at one? Ünïcode too");

                assertThat(send(f, "sip:bob@127.0.0.1:" + phone.port(), "200")).isEqualTo("SUCCESS");
                String m2 = phone.receive(WAIT);
                assertThat(m2).startsWith("MESSAGE sip:bob@127.0.0.1:" + phone.port() + " SIP/2.0\r\n").contains("From: <sip:200@");

                assertThat(send(f, "sip:nosuchpeer", "")).isEqualTo("INVALID_URI");
                assertThat(send(f, "sip:@127.0.0.1", "")).isEqualTo("INVALID_URI");
                assertThat(f.pbx.logLines("MessageSend: invalid SIP destination 'sip:nosuchpeer'")).isNotEmpty();
            }
        }
    }

    private static String message(int pbxPort, int myPort, String fromUser, String toUser, String callId, String type, String body) {
        byte[] b = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return "MESSAGE sip:" + toUser + "@127.0.0.1:" + pbxPort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + myPort + ";branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\nFrom: \"Desk\" <sip:" + fromUser + "@127.0.0.1>;tag=t-" + callId + "\r\n"
                + "To: <sip:" + toUser + "@127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 MESSAGE\r\n"
                + "Content-Type: " + type + "\r\nContent-Length: " + b.length + "\r\n\r\n" + body;
    }

    @Test
    void anIncomingMessageRunsTheOutOfCallContextWhenAcceptedAndIsRefusedOtherwise() throws Exception {
        String peers = "[desk]\ntype=friend\nhost=dynamic\nsecret=s3cret\ncontext=phones\n";
        String dialplan = "[texts]\nexten => 100,1,Set(GLOBAL(GOT)=${MESSAGE(body)}|${MESSAGE(from)}|${MESSAGE(to)})\n";
        try (SipPbxFixture f = SipPbxFixture.start(dir, "context=phones\naccept_outofcall_message=yes\n"
                + "outofcall_message_context=texts\nauth_message_requests=no", peers, dialplan);
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer()) {
            p.send(f.port(), message(f.port(), p.port(), "desk", "100", "m1", "text/plain", "hello there"));
            assertThat(p.finalResponse(WAIT, "m1")).startsWith("SIP/2.0 202");
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> f.pbx.pbx.globals().get("GOT") != null);
            assertThat(f.pbx.pbx.globals().get("GOT")).isEqualTo("hello there|\"Desk\" <sip:desk@127.0.0.1>;tag=t-m1|sip:100@127.0.0.1:" + f.port());

            p.send(f.port(), message(f.port(), p.port(), "desk", "100", "m2", "application/json", "{}"));
            assertThat(p.finalResponse(WAIT, "m2")).startsWith("SIP/2.0 415");
            p.send(f.port(), message(f.port(), p.port(), "desk", "999", "m3", "text/plain", "nobody"));
            assertThat(p.finalResponse(WAIT, "m3")).startsWith("SIP/2.0 404");
        }
    }

    @Test
    void withoutAcceptOutOfCallMessageItIs405AndWithAuthTheSenderIsChallenged() throws Exception {
        String peers = "[desk]\ntype=friend\nhost=dynamic\nsecret=s3cret\ncontext=phones\n";
        try (SipPbxFixture f = SipPbxFixture.start(dir, "context=phones", peers, "[phones]\nexten => 100,1,NoOp()\n");
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer()) {
            p.send(f.port(), message(f.port(), p.port(), "desk", "100", "off1", "text/plain", "hi"));
            assertThat(p.finalResponse(WAIT, "off1")).startsWith("SIP/2.0 405");
        }
        java.nio.file.Files.deleteIfExists(dir.resolve("rtp.conf"));
        try (SipPbxFixture f = SipPbxFixture.start(dir, "context=phones\nallowguest=no\naccept_outofcall_message=yes", peers,
                "[phones]\nexten => 100,1,NoOp()\n");
             SipPbxFixture.RawPeer p = new SipPbxFixture.RawPeer()) {
            p.send(f.port(), message(f.port(), p.port(), "desk", "100", "auth1", "text/plain", "hi"));
            assertThat(p.finalResponse(WAIT, "auth1")).matches("(?s)SIP/2.0 40[17] .*");
            p.send(f.port(), message(f.port(), p.port(), "stranger", "100", "auth2", "text/plain", "hi"));
            assertThat(p.finalResponse(WAIT, "auth2")).startsWith("SIP/2.0 403");
        }
    }
}
