package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.sip.SipModule;
import org.switchboard.channels.sip.SipPbxFixture.RawPeer;

/**
 * A chan_sip peer's device state follows its registration, as chan_sip reports it: UNAVAILABLE
 * until it registers, NOT_INUSE once it has, UNAVAILABLE again when it unregisters or its
 * registration runs out; each change is a PeerStatus and a DeviceStateChange event, and the hint
 * that names the peer sends ExtensionStatus.
 */
class AmiSipRegistrationStateTest {
    private static final String SIP_CONF = """
            [general]
            udpbindaddr=127.0.0.1:0
            minexpiry=1
            [alice]
            type=friend
            host=dynamic
            context=phones
            [bob]
            type=friend
            host=dynamic
            secret=bobpw
            context=phones
            """;
    private static final String DIALPLAN = """
            [phones]
            exten => 100,hint,SIP/alice
            exten => 100,1,Answer()
            """;

    private static ManagerFixture fixture() {
        return new ManagerFixture(ManagerFixture.GENERAL + ManagerFixture.ADMIN, DIALPLAN,
                Map.of("sip.conf", SIP_CONF, "modules.conf", "[modules]\nautoload=yes\nnoload => chan_skype\n"));
    }

    @Test
    void registeringAndUnregisteringMoveTheDeviceAndItsHint() throws Exception {
        try (ManagerFixture fx = fixture(); AmiTestClient c = fx.loggedIn(); RawPeer phone = new RawPeer()) {
            assertThat(fx.test.eval("${DEVICE_STATE(SIP/alice)}")).isEqualTo("UNAVAILABLE");
            c.send("Action: ExtensionState", "Exten: 100", "Context: phones");
            assertThat(c.readResponse()).containsEntry("Status", "4").containsEntry("StatusText", "Unavailable");

            assertThat(register(fx, phone, "alice", 60, 1)).startsWith("SIP/2.0 200");
            assertThat(event(c, "PeerStatus", "Peer", "SIP/alice")).containsEntry("ChannelType", "SIP")
                    .containsEntry("PeerStatus", "Registered").containsEntry("Address", "127.0.0.1:" + phone.port());
            assertThat(event(c, "DeviceStateChange", "Device", "SIP/alice")).containsEntry("State", "NOT_INUSE");
            assertThat(event(c, "ExtensionStatus", "Exten", "100")).containsEntry("Context", "phones")
                    .containsEntry("Status", "0").containsEntry("StatusText", "Idle");
            assertThat(fx.test.eval("${DEVICE_STATE(SIP/alice)}")).isEqualTo("NOT_INUSE");
            assertThat(fx.test.eval("${EXTENSION_STATE(100@phones)}")).isEqualTo("NOT_INUSE");

            assertThat(register(fx, phone, "alice", 0, 2)).startsWith("SIP/2.0 200");
            assertThat(event(c, "PeerStatus", "Peer", "SIP/alice")).containsEntry("PeerStatus", "Unregistered");
            assertThat(event(c, "DeviceStateChange", "Device", "SIP/alice")).containsEntry("State", "UNAVAILABLE");
            assertThat(event(c, "ExtensionStatus", "Exten", "100")).containsEntry("Status", "4").containsEntry("StatusText", "Unavailable");
        }
    }

    @Test
    void aRegistrationThatRunsOutMakesThePeerUnavailable() throws Exception {
        try (ManagerFixture fx = fixture(); AmiTestClient c = fx.loggedIn(); RawPeer phone = new RawPeer()) {
            assertThat(register(fx, phone, "alice", 1, 1)).startsWith("SIP/2.0 200");
            assertThat(event(c, "DeviceStateChange", "Device", "SIP/alice")).containsEntry("State", "NOT_INUSE");
            // the registrar sweeps every 5 s; the client reads with a 10 s timeout
            Map<String, String> lapse = event(c, "PeerStatus", "PeerStatus", "Unregistered");
            assertThat(lapse).containsEntry("Peer", "SIP/alice").containsEntry("Cause", "Expired");
            assertThat(event(c, "DeviceStateChange", "Device", "SIP/alice")).containsEntry("State", "UNAVAILABLE");
            assertThat(fx.test.eval("${DEVICE_STATE(SIP/alice)}")).isEqualTo("UNAVAILABLE");
        }
    }

    @Test
    void aRefusedRegistrationLeavesTheDeviceUnavailable() throws Exception {
        try (ManagerFixture fx = fixture(); AmiTestClient c = fx.loggedIn(); RawPeer phone = new RawPeer()) {
            // bob has a secret: a REGISTER without credentials is challenged, nothing is bound
            assertThat(register(fx, phone, "bob", 60, 1)).startsWith("SIP/2.0 401");
            // nobody by that name: alwaysauthreject (on by default) challenges it like a real peer
            assertThat(register(fx, phone, "mallory", 60, 1)).startsWith("SIP/2.0 401");
            assertThat(fx.test.eval("${DEVICE_STATE(SIP/bob)}")).isEqualTo("UNAVAILABLE");
            assertThat(fx.test.eval("${DEVICE_STATE(SIP/mallory)}")).isEqualTo("INVALID");
            // the next change the Manager hears of is alice's, not bob's
            assertThat(register(fx, phone, "alice", 60, 1)).startsWith("SIP/2.0 200");
            assertThat(c.readUntil("Event", "PeerStatus")).containsEntry("Peer", "SIP/alice");
        }
    }

    private static String register(ManagerFixture fx, RawPeer phone, String peer, int expires, int cseq) throws IOException {
        int sp = SipModule.get(fx.test.pbx).stack().udpAddress().getPort();
        int lp = phone.port();
        String callId = "reg-" + peer + "-" + lp;
        phone.send(sp, "REGISTER sip:127.0.0.1:" + sp + " SIP/2.0\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + lp + ";branch=z9hG4bK-" + peer + cseq + "-" + System.nanoTime() + ";rport\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:" + peer + "@127.0.0.1>;tag=t" + lp + "\n"
                + "To: <sip:" + peer + "@127.0.0.1>\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + cseq + " REGISTER\n"
                + "Contact: <sip:" + peer + "@127.0.0.1:" + lp + ">\n"
                + "Expires: " + expires + "\n"
                + "Content-Length: 0\n\n");
        return phone.finalResponse(Duration.ofSeconds(5), callId);
    }

    /** The next event {@code name} whose {@code key} is {@code value}; others are skipped. */
    private static Map<String, String> event(AmiTestClient c, String name, String key, String value) throws IOException {
        for (;;) {
            Map<String, String> m = c.readUntil("Event", name);
            if (value.equals(m.get(key))) return m;
        }
    }
}
