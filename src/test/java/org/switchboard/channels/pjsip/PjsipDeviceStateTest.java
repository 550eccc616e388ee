package org.switchboard.channels.pjsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.ManagerEvent;
import org.switchboard.res.devstate.DeviceStateWatch;
import org.switchboard.testing.Sipp;

/**
 * A PJSIP endpoint's device state follows what its aor has registered, with SIPp as the phone:
 * UNAVAILABLE with no contact, NOT_INUSE once SIPp registered, UNAVAILABLE again after it
 * unregistered; each change a DeviceStateChange and the hint's ExtensionStatus.
 */
class PjsipDeviceStateTest {
    private static final Duration MAX = Duration.ofSeconds(20);
    private static final String PJSIP = """
            [alice]
            type=endpoint
            context=phones
            disallow=all
            allow=ulaw
            auth=alice
            aors=alice
            """ + PjsipPbxFixture.authAndAor("alice", "alice-pw", 1, "");
    private static final String DIALPLAN = "[phones]\nexten => 100,hint,PJSIP/alice\nexten => 100,1,Answer()\n";

    @TempDir Path dir;

    @BeforeEach
    void sipp() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sipp.installed(), "sipp (Debian sip-tester) is not installed");
    }

    private static Sipp.Result register(PjsipPbxFixture f, String scenario, String password, int localPort) {
        try (Sipp s = Sipp.scenario(scenario).remote("127.0.0.1", f.port()).service("alice").auth("alice", password)
                .localPort(localPort).calls(1)) {
            return s.run(MAX);
        }
    }

    @Test
    void registeringAndUnregisteringMoveTheEndpointsState() throws Exception {
        try (PjsipPbxFixture f = PjsipPbxFixture.start(dir, PJSIP, DIALPLAN)) {
            List<ManagerEvent> events = new CopyOnWriteArrayList<>();
            f.pbx.pbx.events().subscribe(events::add);
            DeviceStateWatch.of(f.pbx.pbx);   // what the Manager creates when it loads
            assertThat(f.pbx.eval("${DEVICE_STATE(PJSIP/alice)}")).isEqualTo("UNAVAILABLE");
            int phone = PjsipPbxFixture.freePort();

            // a wrong password binds nothing
            assertThat(register(f, "uac-register.xml", "wrong", phone).ok()).isFalse();
            assertThat(f.pbx.eval("${DEVICE_STATE(PJSIP/alice)}")).isEqualTo("UNAVAILABLE");

            assertThat(register(f, "uac-register.xml", "alice-pw", phone).ok()).isTrue();
            await().atMost(MAX).until(() -> has(events, "DeviceStateChange", "NOT_INUSE"));
            await().atMost(MAX).until(() -> events.stream().anyMatch(e -> e.name().equals("ExtensionStatus")
                    && "100".equals(e.get("Exten")) && "Idle".equals(e.get("StatusText"))));
            assertThat(f.pbx.eval("${EXTENSION_STATE(100@phones)}")).isEqualTo("NOT_INUSE");

            assertThat(register(f, "uac-unregister.xml", "alice-pw", phone).ok()).isTrue();
            await().atMost(MAX).until(() -> has(events, "DeviceStateChange", "UNAVAILABLE"));
            assertThat(f.pbx.eval("${DEVICE_STATE(PJSIP/alice)}")).isEqualTo("UNAVAILABLE");
            assertThat(f.pbx.eval("${EXTENSION_STATE(100@phones)}")).isEqualTo("UNAVAILABLE");
        }
    }

    private static boolean has(List<ManagerEvent> events, String name, String state) {
        return events.stream().anyMatch(e -> e.name().equals(name) && "PJSIP/alice".equals(e.get("Device")) && state.equals(e.get("State")));
    }
}
