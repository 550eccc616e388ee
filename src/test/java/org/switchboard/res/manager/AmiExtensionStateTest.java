package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelTech;

/** The ExtensionState action and the DeviceStateChange / ExtensionStatus events a state change sends. */
class AmiExtensionStateTest {
    private static final String DIALPLAN = """
            [default]
            exten => 100,hint,Custom:lamp
            exten => 100,1,Answer()
            [phones]
            exten => 200,hint,Local/200@desks
            [desks]
            exten => 200,1,Answer()
            """;

    @Test
    void theActionReportsTheHintAndItsState() throws Exception {
        try (ManagerFixture fx = new ManagerFixture(ManagerFixture.GENERAL + ManagerFixture.ADMIN, DIALPLAN);
             AmiTestClient c = fx.loggedIn()) {
            c.send("Action: ExtensionState", "Exten: 200", "Context: phones", "ActionID: e1");
            assertThat(c.readResponse()).containsEntry("Response", "Success").containsEntry("ActionID", "e1")
                    .containsEntry("Message", "Extension Status").containsEntry("Exten", "200").containsEntry("Context", "phones")
                    .containsEntry("Hint", "Local/200@desks").containsEntry("Status", "0").containsEntry("StatusText", "Idle");
            c.send("Action: ExtensionState", "Exten: 100");
            assertThat(c.readResponse()).containsEntry("Context", "default").containsEntry("Hint", "Custom:lamp");
            c.send("Action: ExtensionState", "Exten: 999", "Context: phones");
            assertThat(c.readResponse()).containsEntry("Response", "Success").containsEntry("Hint", "")
                    .containsEntry("Status", "-1").containsEntry("StatusText", "Unknown");
            c.send("Action: ExtensionState", "Context: phones");
            assertThat(c.readResponse()).containsEntry("Response", "Error").containsEntry("Message", "Extension not specified");
        }
    }

    @Test
    void aStateChangeIsSentAsDeviceStateChangeAndExtensionStatus() throws Exception {
        try (ManagerFixture fx = new ManagerFixture(ManagerFixture.GENERAL + ManagerFixture.ADMIN, DIALPLAN);
             AmiTestClient c = fx.loggedIn()) {
            fx.test.pbx.vars().set(fx.test.channel(), "DEVICE_STATE(Custom:lamp)", "INUSE");
            assertThat(event(c, "DeviceStateChange", "Device", "Custom:lamp")).containsEntry("State", "INUSE");
            assertThat(event(c, "ExtensionStatus", "Exten", "100")).containsEntry("Context", "default")
                    .containsEntry("Hint", "Custom:lamp").containsEntry("Status", "1").containsEntry("StatusText", "InUse");
            // a Local channel to the hinted extension comes and goes
            Channel call = fx.test.pbx.allocChannel("Local/200@desks-" + fx.test.pbx.channels().nextSuffix() + ";1", new ChannelTech() {}, null);
            assertThat(event(c, "ExtensionStatus", "Exten", "200")).containsEntry("StatusText", "InUse");
            call.hangup();
            assertThat(event(c, "ExtensionStatus", "Exten", "200")).containsEntry("Status", "0")
                    .containsEntry("StatusText", "Idle");
        }
    }

    /** The next event {@code name} whose {@code key} is {@code value}; others are skipped. */
    private static Map<String, String> event(AmiTestClient c, String name, String key, String value) throws IOException {
        for (;;) {
            Map<String, String> m = c.readUntil("Event", name);
            if (value.equals(m.get(key))) return m;
        }
    }
}
