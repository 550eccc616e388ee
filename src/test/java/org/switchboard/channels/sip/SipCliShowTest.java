package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.cli.SipShowChannelsCommand;
import org.switchboard.channels.sip.cli.SipShowPeersCommand;

/** sip show peers / peer / channels / registry against a running chan_sip with a registered phone and a qualified trunk. */
class SipCliShowTest {
    static final Duration T = Duration.ofSeconds(10);

    @Test
    void showPeersListsAddressesNatAclStatusAndTheFooter() throws Exception {
        try (SipCliFixture fx = new SipCliFixture()) {
            DatagramSocket phone = fx.register("alice", 3600);
            await().atMost(T).until(() -> fx.cli("sip show peers").contains("OK ("));
            String out = fx.cli("sip show peers");
            List<String> lines = out.lines().toList();
            assertThat(lines.get(0)).isEqualTo(
                "Name/username             Host                                    Dyn Forcerport Comedia    ACL Port     Status      Description                      ");
            assertThat(lines).hasSize(5);
            String alice = String.format(SipShowPeersCommand.FORMAT, "alice/alice", "127.0.0.1", " D ", "No", "No", "   ",
                phone.getLocalPort(), "Unmonitored", "", "").stripTrailing();
            assertThat(lines.get(1).stripTrailing()).isEqualTo(alice);
            assertThat(lines.get(2)).startsWith("bob                       (Unspecified)").contains(" D  Auto (No)  No             0        UNKNOWN");
            assertThat(lines.get(3)).startsWith("trunk                     127.0.0.1                                   Yes        Yes         A  "
                + fx.trunk.getLocalPort()).contains("OK (").doesNotContain("carol");
            assertThat(lines.get(4)).isEqualTo("3 sip peers [Monitored: 1 online, 1 offline Unmonitored: 1 online, 0 offline]");

            assertThat(fx.cli("sip show peers like ^t")).contains("trunk").doesNotContain("alice")
                .contains("1 sip peers [Monitored: 1 online, 0 offline Unmonitored: 0 online, 0 offline]");
            assertThat(fx.cli("sip show peers like")).startsWith("USAGE");
        }
    }

    @Test
    void showPeerPrintsTheKeyValueBlock() throws Exception {
        try (SipCliFixture fx = new SipCliFixture()) {
            DatagramSocket phone = fx.register("alice", 3600);
            String out = fx.cli("sip show peer alice");
            assertThat(out).contains(
                "  * Name       : alice\n",
                "  Secret       : <Not set>\n",
                "  Context      : internal\n",
                "  Call limit   : 0\n",
                "  In use       : 0\n",
                "  Dynamic      : Yes\n",
                "  Callerid     : \"Alice\" <100>\n",
                "  Force rport  : No\n",
                "  ACL          : No\n",
                "  DTMFmode     : rfc2833\n",
                "  Addr->IP     : 127.0.0.1:" + phone.getLocalPort() + "\n",
                "  Defaddr->IP  : (null)\n",
                "  Codecs       : (ulaw|alaw)\n",
                "  Status       : Unmonitored\n",
                "  Useragent    : TestPhone/1.0\n",
                "  Reg. Contact : sip:alice@127.0.0.1:" + phone.getLocalPort());
            assertThat(fx.cli("sip show peer bob")).contains("  Secret       : <Set>\n", "  Status       : UNKNOWN\n",
                "  Addr->IP     : (null)\n", "  DTMFmode     : info\n", "  Useragent    : \n");
            assertThat(fx.cli("sip show peer trunk")).contains("  ACL          : Yes\n", "  Dynamic      : No\n",
                "  Accountcode  : acct-trunk\n", "  Force rport  : Yes\n", "  Symmetric RTP: Yes\n");
            assertThat(fx.cli("sip show peer nobody")).startsWith("Peer nobody not found.\n");
            assertThat(fx.cli("sip show peer carol")).startsWith("Peer carol not found.\n");
            assertThat(fx.cli("sip show peer")).startsWith("USAGE");
        }
    }

    @Test
    void showChannelsAndRegistryWithNothingGoingOn() throws Exception {
        try (SipCliFixture fx = new SipCliFixture()) {
            assertThat(fx.cli("sip show channels")).isEqualTo(
                "Peer             User/ANR         Call ID          Format           Hold     Last Message    Expiry     Peer      \n"
                + "0 active SIP channels\n");
            List<String> reg = fx.cli("sip show registry").lines().toList();
            assertThat(reg.get(0).stripTrailing())
                .isEqualTo("Host                                    dnsmgr Username       Refresh State                Reg.Time");
            // a registrar that never answers (the discard port): the line is trying or has timed out
            assertThat(reg.get(1)).matches("127\\.0\\.0\\.1:9 {29}N      out {16}120 (Request Sent|Timeout|Unregistered) +.*");
            assertThat(reg.get(2)).isEqualTo("1 SIP registrations.");
        }
    }

    @Test
    void showChannelsListsACallWithItsCodec() throws Exception {
        try (SipCliFixture fx = new SipCliFixture()) {
            DatagramSocket phone = fx.register("alice", 3600);
            String callId = fx.call(phone, "alice", "200");
            await().atMost(T).until(() -> fx.cli("sip show channels").contains("1 active SIP channel\n"));
            List<String> lines = fx.cli("sip show channels").lines().toList();
            assertThat(lines).hasSize(3);
            assertThat(lines.get(1).stripTrailing()).isEqualTo(String.format(SipShowChannelsCommand.FORMAT,
                "127.0.0.1", "alice", callId, "(ulaw)", "No", "", "Rx: INVITE", "", "alice").stripTrailing());
            assertThat(fx.cli("sip show peer alice")).contains("  In use       : 1\n");
        }
    }
}
