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
 * res_pjsip_caller_id with a raw provider: trust_id_inbound takes the caller from
 * P-Asserted-Identity, else Remote-Party-ID, and only then; send_pai / send_rpid put the caller
 * in those headers of the INVITE we send; an unreadable header leaves From's caller.
 */
class PjsipCallerIdTest {
    @TempDir Path dir;

    private static final String DIALPLAN = """
        [from-trunk]
        exten => 500,1,Set(GLOBAL(CID)=${CALLERID(name)}|${CALLERID(num)})
         same => n,Hangup()
        """;

    private String callerOf(String options, String headers) throws Exception {
        InetAddress addr = SipPbxFixture.nextLoopback();
        try (RawPeer provider = new RawPeer(addr);
             PjsipPbxFixture f = PjsipPbxFixture.start(dir, PjsipPbxFixture.trunk(addr, 5060, options), DIALPLAN)) {
            provider.send(f.port(), SipPbxFixture.invite(f.port(), provider.port(), "+15551234", "500", "cid@test", headers));
            await().atMost(Duration.ofSeconds(5)).until(() -> f.pbx.pbx.globals().get("CID") != null);
            return f.pbx.pbx.globals().get("CID");
        }
    }

    @Test
    void aTrustedPeersAssertedIdentityIsTheCaller() throws Exception {
        assertThat(callerOf("trust_id_inbound=yes", "P-Asserted-Identity: \"Real Name\" <sip:+15550001@carrier.example>\n"
            + "Remote-Party-ID: \"Other\" <sip:+15550002@carrier.example>;party=calling\n")).isEqualTo("Real Name|+15550001");
    }

    @Test
    void remotePartyIdWhenThereIsNoPai() throws Exception {
        assertThat(callerOf("trust_id_inbound=yes", "Remote-Party-ID: \"Other\" <sip:+15550002@carrier.example>;party=calling\n"))
            .isEqualTo("Other|+15550002");
    }

    @Test
    void anUntrustedPeersAssertionIsIgnored() throws Exception {
        assertThat(callerOf("", "P-Asserted-Identity: \"Real Name\" <sip:+15550001@carrier.example>\n")).isEqualTo("|+15551234");
    }

    @Test
    void anUnreadableAssertionLeavesFrom() throws Exception {
        assertThat(callerOf("trust_id_inbound=yes", "P-Asserted-Identity: <<<garbage\n")).isEqualTo("|+15551234");
    }

    @Test
    void sendPaiAndRpidCarryTheCallerOnOutgoingCalls() throws Exception {
        InetAddress addr = SipPbxFixture.nextLoopback();
        try (RawPeer provider = new RawPeer(addr);
             PjsipPbxFixture f = PjsipPbxFixture.start(dir, PjsipPbxFixture.trunk(addr, 5060, ""), DIALPLAN)) {
            assertThat(f.reload(PjsipPbxFixture.trunk(addr, provider.port(), "send_pai=yes\nsend_rpid=yes\nfrom_domain=pbx.example"))).isEmpty();
            Channel c = f.pbx.channel();
            c.callerId().setName("Front Desk");
            c.callerId().setNumber("2000");
            Thread dial = f.dial(c, "PJSIP/600@trunk,2");
            String invite = provider.receive(Duration.ofSeconds(5));
            assertThat(invite).contains("\r\nP-Asserted-Identity: \"Front Desk\" <sip:2000@pbx.example>\r\n")
                .contains("\r\nRemote-Party-ID: \"Front Desk\" <sip:2000@pbx.example>;party=calling;privacy=off;screen=no\r\n");
            dial.join(Duration.ofSeconds(10));
        }
    }
}
