package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.sip.SipPbxFixture;
import org.switchboard.channels.sip.SipPbxFixture.RawPeer;
import org.switchboard.core.Channel;

/**
 * PJSIP_HEADER and CHANNEL(pjsip,...) with a raw provider: an incoming INVITE's headers and
 * dialog facts read in the dialplan; headers added, updated and removed in Dial's pre-dial
 * handler reach the outgoing INVITE; a bad action is an error line and an empty value.
 */
class PjsipHeaderTest {
    @TempDir Path dir;

    private static final String DIALPLAN = """
        [from-trunk]
        exten => 500,1,Set(GLOBAL(H1)=${PJSIP_HEADER(read,X-Custom)})
         same => n,Set(GLOBAL(H2)=${PJSIP_HEADER(read,X-Custom,2)})
         same => n,Set(GLOBAL(NONE)=[${PJSIP_HEADER(read,X-Missing)}])
         same => n,Set(GLOBAL(BAD)=[${PJSIP_HEADER(frob,X-Custom)}])
         same => n,Set(GLOBAL(RA)=${CHANNEL(pjsip,remote_addr)})
         same => n,Set(GLOBAL(LA)=${CHANNEL(pjsip,local_addr)})
         same => n,Set(GLOBAL(CID)=${CHANNEL(pjsip,call-id)})
         same => n,Set(GLOBAL(RURI)=${CHANNEL(pjsip,request_uri)})
         same => n,Set(GLOBAL(RTAG)=${CHANNEL(pjsip,remote_tag)})
         same => n,Set(GLOBAL(LTAG)=${CHANNEL(pjsip,local_tag)})
         same => n,Set(GLOBAL(SEC)=${CHANNEL(pjsip,secure)})
         same => n,Set(GLOBAL(DONE)=1)
         same => n,Hangup()

        [hdr]
        exten => s,1,Set(PJSIP_HEADER(add,X-Account)=42)
         same => n,Set(PJSIP_HEADER(add,X-Tmp-1)=a)
         same => n,Set(PJSIP_HEADER(add,X-Tmp-2)=b)
         same => n,Set(PJSIP_HEADER(update,X-Account)=43)
         same => n,Set(PJSIP_HEADER(remove,X-Tmp*)=)
         same => n,Set(PJSIP_HEADER(update,X-Nothing)=1)
         same => n,Set(PJSIP_HEADER(add,Bad Name)=1)
         same => n,Return()
        """;

    @Test
    void anIncomingInvitesHeadersAndDialogAreReadable() throws Exception {
        InetAddress addr = SipPbxFixture.nextLoopback();
        try (RawPeer provider = new RawPeer(addr);
             PjsipPbxFixture f = PjsipPbxFixture.start(dir, PjsipPbxFixture.trunk(addr, 5060), DIALPLAN)) {
            provider.send(f.port(), SipPbxFixture.invite(f.port(), provider.port(), "+15551234", "500", "hdr-1@test",
                "X-Custom: first\nX-Custom: second\n"));
            await().atMost(Duration.ofSeconds(5)).until(() -> f.pbx.pbx.globals().get("DONE") != null);
            var g = f.pbx.pbx.globals();
            assertThat(g.get("H1")).isEqualTo("first");
            assertThat(g.get("H2")).isEqualTo("second");
            assertThat(g.get("NONE")).isEqualTo("[]");
            assertThat(g.get("BAD")).isEqualTo("[]");
            assertThat(f.pbx.logLines("Unknown action 'frob' is not valid, must be 'add', 'update', 'remove', or 'read'.")).hasSize(1);
            assertThat(g.get("RA")).isEqualTo(addr.getHostAddress() + ":" + provider.port());
            assertThat(g.get("LA")).isEqualTo("127.0.0.1:" + f.port());
            assertThat(g.get("CID")).isEqualTo("hdr-1@test");
            assertThat(g.get("RURI")).isEqualTo("sip:500@127.0.0.1:" + f.port());
            assertThat(g.get("RTAG")).isEqualTo("t" + "hdr-1@test".hashCode());
            assertThat(g.get("LTAG")).isNotEmpty();
            assertThat(g.get("SEC")).isEqualTo("0");
        }
    }

    @Test
    void headersEditedInThePreDialHandlerReachTheOutgoingInvite() throws Exception {
        InetAddress addr = SipPbxFixture.nextLoopback();
        try (RawPeer provider = new RawPeer(addr);
             PjsipPbxFixture f = PjsipPbxFixture.start(dir, PjsipPbxFixture.trunk(addr, 5060), DIALPLAN)) {
            assertThat(f.reload(PjsipPbxFixture.trunk(addr, provider.port()))).isEmpty();
            Channel c = f.pbx.channel();
            Thread dial = f.dial(c, "PJSIP/600@trunk,2,b(hdr^s^1)");
            String invite = provider.receive(Duration.ofSeconds(5));
            assertThat(invite).startsWith("INVITE sip:600@");
            assertThat(invite).contains("\r\nX-Account: 43\r\n").doesNotContain("X-Account: 42").doesNotContain("X-Tmp");
            assertThat(invite).doesNotContain("Bad Name");
            assertThat(f.pbx.logLines("There was no header named X-Nothing.")).hasSize(1);
            assertThat(f.pbx.logLines("'Bad Name' is not a SIP header name; not added.")).hasSize(1);
            dial.join(Duration.ofSeconds(10));
        }
    }

    @Test
    void onAChannelThatIsNotPjsipItIsAnErrorAndEmpty() throws Exception {
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, "", "")) {
            var t = f.pbx;
            assertThat(t.eval("[${PJSIP_HEADER(read,From)}]")).isEqualTo("[]");
            assertThat(t.logLines("This function requires a PJSIP channel.")).isNotEmpty();
            assertThat(t.eval("[${PJSIP_HEADER(read)}]")).isEqualTo("[]");
            assertThat(t.logLines("This function requires a header name.")).isNotEmpty();
        }
    }
}
