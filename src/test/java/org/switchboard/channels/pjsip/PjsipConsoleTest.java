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

/** pjsip show transports, pjsip show channels and pjsip set logger against a running PBX and a raw peer. */
class PjsipConsoleTest {
    @TempDir Path dir;

    private static String trunk(InetAddress provider) {
        return """
            [trunk]
            type=endpoint
            context=from-trunk
            allow=ulaw

            [trunk-identify]
            type=identify
            endpoint=trunk
            match=%s/32
            """.formatted(provider.getHostAddress());
    }

    @Test
    void transportsChannelsAndTheLogger() throws Exception {
        InetAddress addr = SipPbxFixture.nextLoopback();
        try (RawPeer provider = new RawPeer(addr);
             PjsipPbxFixture f = PjsipPbxFixture.start(dir, trunk(addr),
                 "[from-trunk]\nexten => 500,1,Set(GLOBAL(UP)=1)\n same => n,Wait(10)\n")) {
            assertThat(f.cli("pjsip show transports"))
                .containsPattern("Transport:  transport-udp +udp +0 +0  127\\.0\\.0\\.1:" + f.port() + "\n")
                .contains("Objects found: 1");
            assertThat(f.cli("pjsip show channels")).contains("No objects found.");

            assertThat(f.cli("pjsip set logger on")).isEqualTo("PJSIP Logging enabled\n");
            provider.send(f.port(), SipPbxFixture.invite(f.port(), provider.port(), "+15551234", "500", "con-1@test", ""));
            await().atMost(Duration.ofSeconds(5)).until(() -> f.pbx.pbx.globals().get("UP") != null);
            assertThat(f.pbx.logLines("Call-ID: con-1@test")).isNotEmpty();
            assertThat(f.cli("pjsip show channels")).containsPattern("  Channel: PJSIP/trunk-[0-9a-f]{8}/Wait +Ring +00:00:\\d\\d\n")
                .contains("      Exten: 500").contains("Objects found: 1");
            assertThat(f.cli("pjsip set logger off")).isEqualTo("PJSIP Logging disabled\n");
            assertThat(f.cli("pjsip set logger host 127.0.0.9")).isEqualTo("PJSIP Logging Enabled for host: 127.0.0.9\n");
            assertThat(f.cli("pjsip set logger host not/an/address")).startsWith("Unable to resolve host 'not/an/address'");
            assertThat(f.cli("pjsip set logger frob")).contains("Usage: pjsip set logger");
        }
    }
}
