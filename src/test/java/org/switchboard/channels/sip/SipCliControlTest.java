package org.switchboard.channels.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramSocket;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** sip set debug, sip qualify peer and sip reload. */
class SipCliControlTest {
    static final Duration T = Duration.ofSeconds(10);

    @Test
    void setDebugOnOffIpAndPeer() throws Exception {
        try (SipCliFixture fx = new SipCliFixture()) {
            SipDebug debug = fx.sip().stack().debug();
            assertThat(fx.cli("sip set debug on")).isEqualTo("SIP Debugging enabled\n");
            assertThat(debug.enabled()).isTrue();
            assertThat(fx.cli("sip set debug off")).isEqualTo("SIP Debugging Disabled\n");
            assertThat(debug.enabled()).isFalse();
            assertThat(fx.cli("sip set debug peer bob")).isEqualTo("Unable to get IP address of peer 'bob'\n");
            assertThat(fx.cli("sip set debug peer nobody")).isEqualTo("No such peer 'nobody'\n");
            assertThat(debug.enabled()).isFalse();

            assertThat(fx.cli("sip set debug ip 127.0.0.1")).isEqualTo("SIP Debugging Enabled for IP: 127.0.0.1\n");
            assertThat(debug.describe()).contains("127.0.0.1");
            DatagramSocket phone = fx.register("alice", 3600);
            await().atMost(T).until(() -> !fx.test.logLines("SIP read from UDP:127.0.0.1:" + phone.getLocalPort()).isEmpty());
            fx.cli("sip set debug off");

            assertThat(fx.cli("sip set debug peer alice")).isEqualTo("SIP Debugging Enabled for IP: 127.0.0.1:" + phone.getLocalPort() + "\n");
            assertThat(debug.enabled()).isTrue();
            assertThat(fx.cli("sip set debug")).startsWith("USAGE");
            assertThat(fx.cli("sip set debug maybe")).startsWith("USAGE");
            assertThat(fx.cli("sip set debug ip")).startsWith("USAGE");
        }
    }

    @Test
    void qualifyPeerSendsAnotherOptions() throws Exception {
        try (SipCliFixture fx = new SipCliFixture()) {
            await().atMost(T).until(() -> fx.sip().stack().peerStates().qualify("trunk").status().equals("OK"));
            int before = fx.optionsAnswered.get();
            assertThat(fx.cli("sip qualify peer trunk")).isEmpty();
            await().atMost(T).until(() -> fx.optionsAnswered.get() > before);
            assertThat(fx.cli("sip qualify peer nobody")).isEqualTo("Peer 'nobody' not found\n");
            assertThat(fx.cli("sip qualify peer")).startsWith("USAGE");
        }
    }

    @Test
    void reloadPicksUpNewPeersAndKeepsRegistrations() throws Exception {
        try (SipCliFixture fx = new SipCliFixture()) {
            DatagramSocket phone = fx.register("alice", 3600);
            String conf = Files.readString(fx.dir.resolve("sip.conf"));
            Files.writeString(fx.dir.resolve("sip.conf"), conf + "\n[dave]\ntype=friend\nhost=dynamic\n");
            assertThat(fx.cli("sip reload")).isEmpty();
            String peers = fx.cli("sip show peers");
            assertThat(peers).contains("dave", "4 sip peers");
            assertThat(peers.lines().filter(l -> l.startsWith("alice")).findFirst().orElseThrow())
                .contains("127.0.0.1", Integer.toString(phone.getLocalPort()));

            Files.delete(fx.dir.resolve("sip.conf"));
            assertThat(fx.cli("sip reload")).startsWith("SIP reload failed: no sip.conf");
            assertThat(fx.cli("sip reload now")).startsWith("USAGE");
        }
    }
}
