package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;

/**
 * MessageSend to sip: destinations (chan_sip's out-of-dialog MESSAGE, RFC 3428): what a phone on
 * the wire receives, to a peer by name and to user@host; an unknown peer is INVALID_URI.
 */
class SipMessageSendTest {
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
}
